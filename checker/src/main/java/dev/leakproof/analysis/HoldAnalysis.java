package dev.leakproof.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import dev.leakproof.model.ModelEntry;
import dev.leakproof.model.ModelEntry.Kind;
import dev.leakproof.model.ResolvedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Finds locks and temporary state changes that a unit (method, lambda, initializer) leaves held on
 * some path: a forward dataflow over the unit's CFG with {@link HoldTransfer}, plus a syntactic
 * rule for {@code lock()} called inside the {@code try} whose {@code finally} unlocks.
 */
public final class HoldAnalysis {
  private HoldAnalysis() {}

  /**
   * A finding.
   *
   * @param site the acquiring call
   * @param entry its model entry
   * @param text how the message names the lock or the change
   * @param witness the event that leaves it held (return, end, exception), or null
   * @param lockInsideTry for the syntactic rule: the {@code try} whose block calls {@code site} and
   *     whose {@code finally} releases it
   */
  public record Finding(
      Tree site,
      ModelEntry entry,
      String text,
      @Nullable Witness witness,
      @Nullable TryTree lockInsideTry) {

    /** Whether the finding is about a lock ({@code UnreleasedLock}), not a state change. */
    public boolean isLock() {
      return entry.kind() == Kind.HOLD
          || entry.kind() == Kind.HOLD_IF_TRUE
          || entry.kind() == Kind.HOLD_STAMP;
    }
  }

  /** Same-file methods and the keys they release, per compilation unit. */
  public static final class Helpers {
    private final Map<MethodSymbol, Set<HoldKey>> releases = new HashMap<>();

    /**
     * Same-file methods and the indexes of the parameters they release: a lock parameter they
     * unlock, or a stamp parameter they pass to a stamp release ({@code releaseRead(stamp)}).
     */
    private final Map<MethodSymbol, Set<Integer>> releasedParameters = new HashMap<>();

    static Helpers of(CompilationUnitTree unit, ResolvedModel model) {
      Helpers h = new Helpers();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree m, Void unused) {
          MethodSymbol sym = ASTHelpers.getSymbol(m);
          if (sym != null && m.getBody() != null) {
            Set<HoldKey> keys = releasedFields(m.getBody(), model);
            if (!keys.isEmpty()) {
              h.releases.put(sym, keys);
            }
            Set<Integer> params = releasedParameters(m, model);
            if (!params.isEmpty()) {
              h.releasedParameters.put(sym, params);
            }
          }
          return super.visitMethod(m, unused);
        }
      }.scan(unit, null);
      return h;
    }

    Set<HoldKey> releases(MethodSymbol m) {
      return releases.getOrDefault(m, Set.of());
    }

    Set<Integer> releasedParameters(MethodSymbol m) {
      return releasedParameters.getOrDefault(m, Set.of());
    }

    /** The parameters that release calls in {@code m} name as receiver or as first argument. */
    private static Set<Integer> releasedParameters(MethodTree m, ResolvedModel model) {
      List<Symbol> params = new ArrayList<>();
      for (VariableTree p : m.getParameters()) {
        params.add(ASTHelpers.getSymbol(p));
      }
      Set<Integer> found = new HashSet<>();
      if (params.isEmpty()) {
        return found;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          MethodSymbol callee = ASTHelpers.getSymbol(call);
          ExpressionTree receiver = ASTHelpers.getReceiver(call);
          Type receiverType = receiver == null ? null : ASTHelpers.getType(receiver);
          if (callee != null && model.isAnyHoldRelease(callee, receiverType)) {
            int r = receiver == null ? -1 : params.indexOf(ASTHelpers.getSymbol(receiver));
            if (r >= 0) {
              found.add(r);
            }
            if (!call.getArguments().isEmpty()) {
              int a = params.indexOf(ASTHelpers.getSymbol(call.getArguments().get(0)));
              if (a >= 0) {
                found.add(a);
              }
            }
          }
          return super.visitMethodInvocation(call, unused);
        }
      }.scan(m.getBody(), null);
      return found;
    }

    /** The keys of fields (of {@code this}, or static) that release calls in {@code body} name. */
    private static Set<HoldKey> releasedFields(Tree body, ResolvedModel model) {
      Set<HoldKey> keys = new HashSet<>();
      new UnitScanner() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          MethodSymbol m = ASTHelpers.getSymbol(call);
          ExpressionTree receiver = ASTHelpers.getReceiver(call);
          Type receiverType = receiver == null ? null : ASTHelpers.getType(receiver);
          if (m != null && model.isAnyHoldRelease(m, receiverType)) {
            HoldKey key = HoldKey.ofReceiver(call, Map.of());
            if (key != null && !(key.path().get(0) instanceof Symbol s && isLocal(s))) {
              keys.add(key);
              if (!call.getArguments().isEmpty()) {
                Object arg = HoldKey.argumentKey(call.getArguments().get(0), Map.of());
                if (arg != null) {
                  keys.add(key.plus(arg));
                }
              }
            }
          }
          return super.visitMethodInvocation(call, unused);
        }
      }.scan(body, null);
      return keys;
    }
  }

  /**
   * Whether {@code body} calls a method whose name some {@code hold*} or {@code restore*} entry
   * acquires with: the cheap test that spares the other units a CFG.
   */
  static boolean mayHold(Tree body, ResolvedModel model) {
    Set<String> names = model.holdMethodNames();
    boolean anyPrefix = model.hasPrefixedHoldEntries();
    boolean[] found = {false};
    new UnitScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol m = ASTHelpers.getSymbol(call);
        // The name first (a set lookup), then the types: `put` is MDC's, but mostly a Map's.
        if (m != null
            && (anyPrefix || names.contains(m.getSimpleName().toString()))
            && model.holdEntry(m, receiverTypeOf(call)) != null) {
          found[0] = true;
        }
        return found[0] ? null : super.visitMethodInvocation(call, unused);
      }
    }.scan(body, null);
    return found[0];
  }

  private static @Nullable Type receiverTypeOf(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver == null ? null : ASTHelpers.getType(receiver);
  }

  static List<Finding> run(
      TreePath unitPath,
      ResolvedModel model,
      Supplier<Helpers> helperSupplier,
      Pattern holdingMethods,
      int maxSteps,
      VisitorState state) {
    Tree leaf = unitPath.getLeaf();
    ClassTree cls = ASTHelpers.findEnclosingNode(unitPath, ClassTree.class);
    Tree body = UnitAnalysis.bodyOf(leaf);
    if (cls == null || body == null || !mayHold(body, model)) {
      return List.of();
    }
    Faults.at(Faults.Point.HOLDS);
    UnderlyingAST ast;
    TreePath bodyPath;
    if (leaf instanceof MethodTree m) {
      ast = new UnderlyingAST.CFGMethod(m, cls);
      bodyPath = new TreePath(unitPath, m.getBody());
    } else if (leaf instanceof LambdaExpressionTree l) {
      if (!(l.getBody() instanceof BlockTree)) {
        return List.of();
      }
      ast =
          new UnderlyingAST.CFGLambda(
              l, cls, ASTHelpers.findEnclosingNode(unitPath, MethodTree.class));
      bodyPath = new TreePath(unitPath, l.getBody());
    } else if (leaf instanceof BlockTree b) {
      ast = new UnderlyingAST.CFGStatement(b, cls);
      bodyPath = unitPath;
    } else {
      return List.of();
    }
    Helpers helpers = helperSupplier.get();
    Map<Symbol, ExpressionTree> locals = effectivelyFinalLocals(body);
    HoldTransfer.Context ctx =
        new HoldTransfer.Context(
            model,
            state.getTypes(),
            state.getSymtab().errorType,
            state.getSymtab().runtimeExceptionType,
            locals,
            helpers::releases,
            helpers::releasedParameters,
            maxSteps);
    ctx.hasSource = t -> ASTHelpers.getStartPosition(t) > 0 && state.getEndPosition(t) > 0;
    collectKeyParts(body, model, ctx.keyParts);
    collectConditions(body, ctx.conditions);
    ctx.budget.chargeCfg(body);
    ControlFlowGraph cfg =
        CFGBuilder.build(
            bodyPath, ast, false, false, JavacProcessingEnvironment.instance(state.context));
    ForwardAnalysisImpl<NoValue, HoldStore, HoldTransfer> analysis =
        new ForwardAnalysisImpl<>(new HoldTransfer(ctx));
    analysis.performAnalysis(cfg);

    boolean holdingMethod =
        leaf instanceof MethodTree m
            && (holdingMethods.matcher(m.getName()).matches() || ensuresLockHeld(m));
    Map<Tree, Finding> findings = new LinkedHashMap<>();
    Witness end = new Witness(Witness.Kind.END, body, Integer.MAX_VALUE, "");
    HoldStore regular = analysis.getRegularExitStore();
    HoldStore exceptional = analysis.getExceptionalExitStore();
    for (HoldStore store : new HoldStore[] {regular, exceptional}) {
      if (store == null || store.isBottom()) {
        continue;
      }
      for (HoldStore.Held h : store.held().values()) {
        boolean normalExit = store == regular && !h.exceptional();
        if (normalExit && holdingMethod && !ctx.releasedSomewhere.contains(h.key())) {
          continue; // its contract is to return with the lock held
        }
        if (isLock(h.entry()) && ctx.releasedUnheld.contains(h.key())) {
          continue; // taken again for the caller, who held it when it called, on any exit
        }
        if (!isLock(h.entry()) && !ctx.releasedSomewhere.contains(h.key())) {
          continue; // a change the method never undoes is meant to last
        }
        Witness w = h.witness() != null ? h.witness() : end;
        findings.merge(h.site(), new Finding(h.site(), h.entry(), h.text(), w, null), (a, b) -> a);
      }
    }
    for (Finding f : locksInsideTry(body, model, locals)) {
      findings.putIfAbsent(f.site(), f);
    }
    List<Finding> sorted = new ArrayList<>(findings.values());
    sorted.sort(Comparator.comparingInt(f -> ASTHelpers.getStartPosition(f.site())));
    return sorted;
  }

  /**
   * The argument-less calls inside the receivers of acquiring and release calls ({@code
   * rwl.readLock()}).
   */
  private static void collectKeyParts(Tree body, ResolvedModel model, Set<Tree> parts) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol m = ASTHelpers.getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (m != null
            && receiver != null
            && (model.isAnyHoldRelease(m, ASTHelpers.getType(receiver))
                || model.isHeldTest(m, ASTHelpers.getType(receiver))
                || model.holdEntry(m, ASTHelpers.getType(receiver)) != null)) {
          for (ExpressionTree r = receiver;
              r instanceof MethodInvocationTree inner && inner.getArguments().isEmpty();
              r = ASTHelpers.getReceiver(inner)) {
            parts.add(inner);
          }
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(body, null);
  }

  /**
   * The identifiers that branch conditions consist of, through {@code !}, {@code &&}, {@code ||}.
   */
  private static void collectConditions(Tree body, Set<Tree> conditions) {
    new TreeScanner<Void, Void>() {
      private void condition(@Nullable ExpressionTree e) {
        if (e == null) {
          return;
        }
        ExpressionTree c = ASTHelpers.stripParentheses(e);
        if (c instanceof com.sun.source.tree.IdentifierTree) {
          conditions.add(c);
        } else if (c instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
          condition(u.getExpression());
        } else if (c instanceof com.sun.source.tree.BinaryTree b
            && (b.getKind() == Tree.Kind.CONDITIONAL_AND
                || b.getKind() == Tree.Kind.CONDITIONAL_OR)) {
          condition(b.getLeftOperand());
          condition(b.getRightOperand());
        }
      }

      @Override
      public Void visitIf(com.sun.source.tree.IfTree t, Void unused) {
        condition(t.getCondition());
        return super.visitIf(t, unused);
      }

      @Override
      public Void visitWhileLoop(com.sun.source.tree.WhileLoopTree t, Void unused) {
        condition(t.getCondition());
        return super.visitWhileLoop(t, unused);
      }

      @Override
      public Void visitDoWhileLoop(com.sun.source.tree.DoWhileLoopTree t, Void unused) {
        condition(t.getCondition());
        return super.visitDoWhileLoop(t, unused);
      }

      @Override
      public Void visitForLoop(com.sun.source.tree.ForLoopTree t, Void unused) {
        condition(t.getCondition());
        return super.visitForLoop(t, unused);
      }

      @Override
      public Void visitConditionalExpression(
          com.sun.source.tree.ConditionalExpressionTree t, Void unused) {
        condition(t.getCondition());
        return super.visitConditionalExpression(t, unused);
      }
    }.scan(body, null);
  }

  private static boolean isLock(ModelEntry e) {
    return e.kind() == Kind.HOLD || e.kind() == Kind.HOLD_IF_TRUE || e.kind() == Kind.HOLD_STAMP;
  }

  /** checker-qual's lock annotations, read by name: the method returns with the lock held. */
  private static boolean ensuresLockHeld(MethodTree m) {
    MethodSymbol sym = ASTHelpers.getSymbol(m);
    if (sym == null) {
      return false;
    }
    for (var a : sym.getAnnotationMirrors()) {
      String name = a.getAnnotationType().asElement().getSimpleName().toString();
      if (name.equals("EnsuresLockHeld") || name.equals("EnsuresLockHeldIf")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code try { lock.lock(); … } finally { lock.unlock(); }}: when {@code lock()} throws, {@code
   * unlock()} runs on a lock that is not held and throws {@code IllegalMonitorStateException},
   * which replaces the real exception.
   */
  private static List<Finding> locksInsideTry(
      Tree body, ResolvedModel model, Map<Symbol, ExpressionTree> locals) {
    List<Finding> found = new ArrayList<>();
    new UnitScanner() {
      @Override
      public Void visitTry(TryTree t, Void unused) {
        if (t.getFinallyBlock() != null) {
          List<? extends StatementTree> statements = t.getBlock().getStatements();
          for (int i = 0; i < statements.size(); i++) {
            StatementTree s = statements.get(i);
            if (s instanceof ExpressionStatementTree es
                && es.getExpression() instanceof MethodInvocationTree call
                && ASTHelpers.getSymbol(call) instanceof MethodSymbol m) {
              ExpressionTree receiver = ASTHelpers.getReceiver(call);
              Type receiverType = receiver == null ? null : ASTHelpers.getType(receiver);
              ModelEntry e = model.holdEntry(m, receiverType);
              HoldKey key = HoldKey.ofReceiver(call, locals);
              if (e != null
                  && e.kind() == Kind.HOLD
                  && key != null
                  && releasesIn(
                      t.getFinallyBlock(),
                      e,
                      key,
                      model,
                      locals,
                      localsSetTrue(statements.subList(i + 1, statements.size())))) {
                found.add(
                    new Finding(call, e, receiver == null ? "this" : receiver.toString(), null, t));
              }
            }
          }
        }
        return super.visitTry(t, unused);
      }
    }.scan(body, null);
    return found;
  }

  /** Boolean locals that {@code statements} set to {@code true} ({@code acquired = true;}). */
  private static Set<Symbol> localsSetTrue(List<? extends StatementTree> statements) {
    Set<Symbol> flags = new HashSet<>();
    for (StatementTree s : statements) {
      if (s instanceof ExpressionStatementTree es
          && es.getExpression() instanceof AssignmentTree a
          && a.getExpression() instanceof LiteralTree l
          && Boolean.TRUE.equals(l.getValue())
          && ASTHelpers.getSymbol(a.getVariable()) instanceof Symbol v
          && v.getKind() == ElementKind.LOCAL_VARIABLE) {
        flags.add(v);
      }
    }
    return flags;
  }

  /** Whether {@code block} calls a release method of {@code entry} on {@code key}. */
  static boolean releasesIn(
      Tree block,
      ModelEntry entry,
      HoldKey key,
      ResolvedModel model,
      Map<Symbol, ExpressionTree> locals) {
    return releasesIn(block, entry, key, model, locals, Set.of());
  }

  /**
   * Whether {@code block} calls a release method of {@code entry} on {@code key} where it may run
   * without the lock: not under {@code if (lock.isHeldByCurrentThread())}, nor under {@code if
   * (flag)} for a flag of {@code heldFlags}, which is set only once the lock is held.
   */
  private static boolean releasesIn(
      Tree block,
      ModelEntry entry,
      HoldKey key,
      ResolvedModel model,
      Map<Symbol, ExpressionTree> locals,
      Set<Symbol> heldFlags) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIf(com.sun.source.tree.IfTree t, Void unused) {
        if (ASTHelpers.stripParentheses(t.getCondition()) instanceof IdentifierTree id
            && heldFlags.contains(ASTHelpers.getSymbol(id))) {
          return scan(t.getElseStatement(), unused);
        }
        if (testsHeld(t.getCondition())) {
          // `if (lock.isHeldByCurrentThread()) lock.unlock();` unlocks only what is held.
          return scan(t.getElseStatement(), unused);
        }
        return super.visitIf(t, unused);
      }

      private boolean testsHeld(Tree condition) {
        boolean[] held = {false};
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            MethodSymbol m = ASTHelpers.getSymbol(call);
            ExpressionTree receiver = ASTHelpers.getReceiver(call);
            held[0] |=
                m != null
                    && model.isHeldTest(m, receiver == null ? null : ASTHelpers.getType(receiver));
            return super.visitMethodInvocation(call, unused);
          }
        }.scan(condition, null);
        return held[0];
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol m = ASTHelpers.getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (m != null
            && model.isHoldRelease(entry, m, receiver == null ? null : ASTHelpers.getType(receiver))
            && key.equals(HoldKey.ofReceiver(call, locals))) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(block, null);
    return found[0];
  }

  /**
   * Locals assigned only where they are declared, with their initializers: a lock named through one
   * ({@code Lock l = rwl.writeLock()}) is the lock its initializer names.
   */
  static Map<Symbol, ExpressionTree> effectivelyFinalLocals(Tree body) {
    Map<Symbol, ExpressionTree> inits = new HashMap<>();
    Set<Symbol> reassigned = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        Symbol sym = ASTHelpers.getSymbol(v);
        if (sym != null && v.getInitializer() != null) {
          inits.put(sym, v.getInitializer());
        }
        return super.visitVariable(v, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        reassigned.add(ASTHelpers.getSymbol(a.getVariable()));
        return super.visitAssignment(a, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
        reassigned.add(ASTHelpers.getSymbol(a.getVariable()));
        return super.visitCompoundAssignment(a, unused);
      }

      @Override
      public Void visitUnary(UnaryTree u, Void unused) {
        Symbol s = ASTHelpers.getSymbol(u.getExpression());
        if (s != null) {
          reassigned.add(s);
        }
        return super.visitUnary(u, unused);
      }
    }.scan(body, null);
    inits.keySet().removeAll(reassigned);
    return inits;
  }

  /** Scans one unit: nested classes and lambdas are units of their own. */
  private static boolean isLocal(Symbol s) {
    return s.getKind() == ElementKind.LOCAL_VARIABLE
        || s.getKind() == ElementKind.PARAMETER
        || s.getKind() == ElementKind.RESOURCE_VARIABLE;
  }
}
