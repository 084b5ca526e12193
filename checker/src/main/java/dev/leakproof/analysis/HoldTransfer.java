package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.leakproof.model.ModelEntry;
import dev.leakproof.model.ModelEntry.Kind;
import dev.leakproof.model.ResolvedModel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalAndNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalOrNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MarkerNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;
import org.jspecify.annotations.Nullable;

/**
 * The transfer function of the hold analysis: the model's {@code hold*} and {@code restore*}
 * entries acquire, their release methods release the same key, and exceptions carry what is held to
 * the handler or the exit.
 *
 * <p>Unlike resources, locks follow the unchecked exceptions of every call: {@code lock();
 * map.put(k, v); unlock();} leaves the lock held when {@code put} throws, and a lock held by a dead
 * request deadlocks the next one. Errors, exceptions of field accesses, array accesses and
 * arithmetic, and calls the model lists as {@code no-throw} ({@code Arrays.fill(key, (char) 0)})
 * are not followed.
 */
final class HoldTransfer
    extends AbstractNodeVisitor<
        TransferResult<NoValue, HoldStore>, TransferInput<NoValue, HoldStore>>
    implements ForwardTransferFunction<NoValue, HoldStore> {

  /** What the transfer needs from its unit. */
  static final class Context {
    final ResolvedModel model;
    final Types types;
    final Type error;
    final Type runtimeException;
    final Map<Symbol, ExpressionTree> locals;

    /** Same-file methods and the keys (of {@code this}'s fields) they release. */
    final Function<MethodSymbol, Set<HoldKey>> helperReleases;

    /** Same-file methods and the parameters they release. */
    final Function<MethodSymbol, Set<Integer>> helperParameters;

    final Budget budget;

    /**
     * Calls that compute what a release call releases ({@code rwl.readLock()} in {@code
     * rwl.readLock().unlock()}): getters whose exceptions are not followed.
     */
    final Set<Tree> keyParts = new HashSet<>();

    /** Whether a tree is in the source: not a call the compiler made up (boxing, for-each). */
    Predicate<Tree> hasSource = t -> true;

    /** Boolean locals read as (part of) a branch condition. */
    final Set<Tree> conditions = new HashSet<>();

    /** Keys the unit releases somewhere: a restore entry is only checked once it is restored. */
    final Set<HoldKey> releasedSomewhere = new HashSet<>();

    /**
     * Keys the unit releases where it does not hold them: it was called holding them, and taking
     * them again gives the caller back what it had ({@code unlock(); try { ... } finally { lock();
     * }}).
     */
    final Set<HoldKey> releasedUnheld = new HashSet<>();

    Context(
        ResolvedModel model,
        Types types,
        Type error,
        Type runtimeException,
        Map<Symbol, ExpressionTree> locals,
        Function<MethodSymbol, Set<HoldKey>> helperReleases,
        Function<MethodSymbol, Set<Integer>> helperParameters,
        int maxSteps) {
      this.model = model;
      this.types = types;
      this.error = error;
      this.runtimeException = runtimeException;
      this.locals = locals;
      this.helperReleases = helperReleases;
      this.helperParameters = helperParameters;
      this.budget = new Budget(maxSteps);
    }

    void step(TransferInput<NoValue, HoldStore> in) {
      budget.step(
          in.containsTwoStores()
              ? in.getThenStore().size() + in.getElseStore().size()
              : in.getRegularStore().size());
    }
  }

  private final Context ctx;

  HoldTransfer(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public HoldStore initialStore(UnderlyingAST ast, List<LocalVariableNode> parameters) {
    return HoldStore.EMPTY;
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitNode(
      Node n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    HoldStore s = in.getRegularStore();
    return result(n, s, s);
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitMethodInvocation(
      MethodInvocationNode n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    HoldStore s = in.getRegularStore();
    MethodInvocationTree tree = n.getTree();
    MethodSymbol m = tree == null ? null : ASTHelpers.getSymbol(tree);
    if (m == null) {
      return result(n, s, s);
    }
    Type receiverType =
        n.getTarget().isStatic() ? null : (Type) n.getTarget().getReceiver().getType();
    if (!s.held().isEmpty() && ctx.model.isHeldTest(m, receiverType)) {
      HoldKey key = HoldKey.ofReceiver(tree, ctx.locals);
      if (key != null) {
        // Where the test says the lock is not held, it is not.
        HoldStore notHeld = s.releaseAll(h -> h.key().equals(key));
        return new ExceptionalResults.Conditional<>(s, notHeld, cause -> s.withoutHolds());
      }
    }
    ModelEntry entry = ctx.model.holdEntry(m, receiverType);
    HoldStore released = release(s, tree, m, receiverType, entry != null);
    if (entry == null || released != s) {
      // A call that only restores (or a restore that is also the acquiring method, such as
      // setContextClassLoader, called while the change is in place). An unlock() that throws
      // is not a path anyone handles: it releases what it releases and carries nothing.
      if (ctx.model.isAnyHoldRelease(m, receiverType)) {
        HoldStore after = released;
        return new ExceptionalResults.Regular<>(after, cause -> after.withoutHolds());
      }
      return result(n, released, released);
    }
    HoldKey key = keyOf(entry, tree);
    if (key == null || entry.kind() == Kind.HOLD_STAMP) {
      return result(n, s, s); // a stamp is tracked where it is assigned
    }
    HoldStore.Held held = new HoldStore.Held(tree, entry, text(entry, tree), key, null, false);
    if (entry.kind() == Kind.HOLD_IF_TRUE) {
      // Failing to acquire, or throwing, leaves nothing new held.
      return new ExceptionalResults.Conditional<>(
          s.acquire(held), s, cause -> acquireFailed(n, (Type) cause, s));
    }
    if ((entry.kind() == Kind.RESTORE || entry.kind() == Kind.RESTORE_ARG)
        && s.held().values().stream().anyMatch(h -> h.key().equals(key))) {
      return result(n, s, s); // changed again while changed: one restore undoes both
    }
    HoldStore acquired = s.acquire(held);
    // If the acquiring call throws, nothing was acquired.
    return new ExceptionalResults.Regular<>(acquired, cause -> acquireFailed(n, (Type) cause, s));
  }

  /**
   * An acquiring call that throws leaves what was held before held. Only its checked exceptions are
   * followed ({@code lockInterruptibly()} is interrupted); {@code lock()} failing on its own is not
   * a path anyone writes code for.
   */
  private HoldStore acquireFailed(Node n, Type cause, HoldStore before) {
    if (before.held().isEmpty()) {
      return before;
    }
    if (isNoThrow(n)
        || ctx.types.isSubtype(ctx.types.erasure(cause), ctx.types.erasure(ctx.runtimeException))
        || ctx.types.isSubtype(ctx.types.erasure(cause), ctx.types.erasure(ctx.error))) {
      return before.withoutHolds();
    }
    return before.toExceptional(
        witness(Witness.Kind.CALL_THROWS, n.getTree(), cause.tsym.getSimpleName().toString()));
  }

  /** Releases what a call releases: a model release method, or a same-file helper. */
  private HoldStore release(
      HoldStore s,
      MethodInvocationTree tree,
      MethodSymbol m,
      @Nullable Type receiverType,
      boolean alsoAcquires) {
    HoldStore out = s;
    Set<HoldKey> helper = new HashSet<>(ctx.helperReleases.apply(m));
    for (int i : ctx.helperParameters.apply(m)) {
      if (i < tree.getArguments().size()) {
        ExpressionTree arg = tree.getArguments().get(i);
        Symbol argSym = ASTHelpers.getSymbol(arg);
        if (argSym instanceof VariableElement && argSym.asType().getKind() == TypeKind.LONG) {
          helper.add(HoldKey.stamp(argSym)); // releaseRead(stamp)
        } else {
          HoldKey k = HoldKey.of(arg, ctx.locals, 0);
          if (k != null) {
            helper.add(k); // release(lock)
          }
        }
      }
    }
    if (!helper.isEmpty()) {
      ctx.releasedSomewhere.addAll(helper);
      for (HoldKey k : helper) {
        out = out.release(k, x -> true);
      }
    }
    if (!ctx.model.isAnyHoldRelease(m, receiverType)) {
      return out;
    }
    HoldKey receiver = HoldKey.ofReceiver(tree, ctx.locals);
    if (!alsoAcquires) {
      noteReleases(tree, receiver);
      // An unlock on a path known to be infeasible (the store is bottom) says nothing.
      if (receiver != null
          && !s.isBottom()
          && tree.getArguments().isEmpty()
          && s.held().values().stream().noneMatch(h -> h.key().equals(receiver))) {
        ctx.releasedUnheld.add(receiver);
      }
    }
    for (HoldStore.Held h : s.held().values()) {
      if (!ctx.model.isHoldRelease(h.entry(), m, receiverType)) {
        continue;
      }
      HoldKey key = releaseKey(h.entry(), tree, receiver);
      if (key == null) {
        if (h.entry().kind() == Kind.RESTORE_ARG
            && tree.getArguments().isEmpty()
            && receiver != null) {
          // MDC.clear(): every key of that state.
          out = out.releaseAll(x -> x.key().startsWith(receiver) && x.entry() == h.entry());
        }
        continue;
      }
      HoldStore before = out;
      out = out.release(key, x -> ctx.model.isHoldRelease(x.entry(), m, receiverType));
      if (alsoAcquires && out != before) {
        noteReleases(tree, receiver); // setContextClassLoader(old) while a change is in place
      }
    }
    return out;
  }

  /** Records which keys the unit releases anywhere, whether or not they are held there. */
  private void noteReleases(MethodInvocationTree tree, @Nullable HoldKey receiver) {
    if (receiver == null) {
      return;
    }
    ctx.releasedSomewhere.add(receiver);
    if (!tree.getArguments().isEmpty()) {
      Object arg = HoldKey.argumentKey(tree.getArguments().get(0), ctx.locals);
      if (arg != null) {
        ctx.releasedSomewhere.add(receiver.plus(arg));
      }
    }
  }

  /** The key a release call releases for holds of {@code entry}; null when it names none. */
  private @Nullable HoldKey releaseKey(
      ModelEntry entry, MethodInvocationTree tree, @Nullable HoldKey receiver) {
    return switch (entry.kind()) {
      case HOLD_STAMP -> {
        if (tree.getArguments().isEmpty()) {
          yield null;
        }
        Symbol stamp = ASTHelpers.getSymbol(tree.getArguments().get(0));
        yield stamp instanceof VariableElement ? HoldKey.stamp(stamp) : null;
      }
      case RESTORE_ARG -> {
        if (tree.getArguments().isEmpty() || receiver == null) {
          yield null;
        }
        Object arg = HoldKey.argumentKey(tree.getArguments().get(0), ctx.locals);
        yield arg == null ? null : receiver.plus(arg);
      }
      default -> receiver;
    };
  }

  /** The key an acquiring call holds; null when the lock cannot be named. */
  private @Nullable HoldKey keyOf(ModelEntry entry, MethodInvocationTree tree) {
    HoldKey receiver = HoldKey.ofReceiver(tree, ctx.locals);
    if (receiver == null) {
      return null;
    }
    if (entry.kind() == Kind.RESTORE_ARG) {
      if (tree.getArguments().isEmpty()) {
        return null;
      }
      Object arg = HoldKey.argumentKey(tree.getArguments().get(0), ctx.locals);
      return arg == null ? null : receiver.plus(arg);
    }
    if (entry.kind() == Kind.RESTORE
        && receiver.path().size() == 1
        && receiver.path().get(0) instanceof Symbol sym
        && sym.getKind() == javax.lang.model.element.ElementKind.LOCAL_VARIABLE) {
      // State of an object this method made (a new Thread's class loader) is not shared.
      return null;
    }
    return receiver;
  }

  private static String text(ModelEntry entry, MethodInvocationTree tree) {
    String call = tree.getMethodSelect().toString();
    if (entry.kind() == Kind.RESTORE || entry.kind() == Kind.RESTORE_ARG) {
      String args =
          tree.getArguments().isEmpty()
              ? ""
              : tree.getArguments().get(0) + (tree.getArguments().size() > 1 ? ", …" : "");
      return call + "(" + args + ")";
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(tree);
    return receiver == null ? "this" : receiver.toString();
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitAssignment(
      AssignmentNode n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    if (!(n.getTarget() instanceof LocalVariableNode target)) {
      HoldStore s = in.getRegularStore();
      return result(n, s, s);
    }
    VariableElement v = target.getElement();
    Node rhs = n.getExpression();
    if (rhs instanceof MethodInvocationNode call
        && call.getTree() != null
        && ASTHelpers.getSymbol(call.getTree()) instanceof MethodSymbol m) {
      Type receiverType =
          call.getTarget().isStatic() ? null : (Type) call.getTarget().getReceiver().getType();
      ModelEntry entry = ctx.model.holdEntry(m, receiverType);
      if (entry != null && entry.kind() == Kind.HOLD_STAMP) {
        HoldStore s = in.getRegularStore();
        ExpressionTree receiver = ASTHelpers.getReceiver(call.getTree());
        HoldStore.Held held =
            new HoldStore.Held(
                call.getTree(),
                entry,
                (receiver == null ? "this" : receiver.toString()) + "." + m.getSimpleName() + "()",
                HoldKey.stamp((Symbol) v),
                null,
                false);
        return result(n, s.acquire(held), s.acquire(held));
      }
      if (entry != null
          && entry.kind() == Kind.HOLD_IF_TRUE
          && v.asType().getKind() == TypeKind.BOOLEAN) {
        HoldKey key = keyOf(entry, call.getTree());
        HoldStore s =
            (in.containsTwoStores() ? in.getElseStore() : in.getRegularStore()).assigned(v, null);
        if (key != null) {
          s =
              s.withPending(
                  v,
                  new HoldStore.Pending(call.getTree(), entry, text(entry, call.getTree()), key));
        }
        return result(n, s, s);
      }
    }
    HoldStore s = in.getRegularStore().withPending(v, null);
    if (v.asType().getKind() == TypeKind.BOOLEAN) {
      s =
          s.assigned(
              v,
              rhs instanceof org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode b
                  ? b.getValue()
                  : null);
    }
    return result(n, s, s);
  }

  /** {@code if (locked)} after {@code boolean locked = lock.tryLock()}. */
  @Override
  public TransferResult<NoValue, HoldStore> visitLocalVariable(
      LocalVariableNode n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    HoldStore s = in.getRegularStore();
    if (n.getElement().asType().getKind() != TypeKind.BOOLEAN
        || !ctx.conditions.contains(n.getTree())) {
      return result(n, s, s); // `return locked;` reads the flag without deciding anything
    }
    HoldStore.Pending p = s.pending(n.getElement());
    HoldStore whenTrue = s.assume(n.getElement(), true);
    HoldStore whenFalse = s.assume(n.getElement(), false);
    if (p != null) {
      whenTrue =
          whenTrue.acquire(new HoldStore.Held(p.site(), p.entry(), p.text(), p.key(), null, false));
      whenFalse = whenFalse.releaseAll(h -> h.site() == p.site());
    }
    return new ConditionalTransferResult<>(null, whenTrue, whenFalse);
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitConditionalNot(
      ConditionalNotNode n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(null, in.getElseStore(), in.getThenStore());
    }
    return visitNode(n, in);
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitConditionalAnd(
      ConditionalAndNode n, TransferInput<NoValue, HoldStore> in) {
    return passConditions(n, in);
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitConditionalOr(
      ConditionalOrNode n, TransferInput<NoValue, HoldStore> in) {
    return passConditions(n, in);
  }

  private TransferResult<NoValue, HoldStore> passConditions(
      Node n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(null, in.getThenStore(), in.getElseStore());
    }
    return visitNode(n, in);
  }

  @Override
  public TransferResult<NoValue, HoldStore> visitReturn(
      ReturnNode n, TransferInput<NoValue, HoldStore> in) {
    ctx.step(in);
    HoldStore s =
        in.getRegularStore().withWitnessIfNone(witness(Witness.Kind.RETURN, n.getTree(), ""));
    return result(n, s, s);
  }

  private static Witness witness(Witness.Kind kind, Tree tree, String detail) {
    return new Witness(kind, tree, ASTHelpers.getStartPosition(tree), detail);
  }

  /** The result of a node whose exception edges carry {@code exceptionalBase}, if followed. */
  private TransferResult<NoValue, HoldStore> result(
      Node n, HoldStore regular, HoldStore exceptionalBase) {
    return new ExceptionalResults.Regular<>(
        regular, cause -> exceptional(n, (Type) cause, exceptionalBase));
  }

  /** Whether the model says the call {@code n} completes normally on valid input. */
  private boolean isNoThrow(Node n) {
    if (n instanceof MethodInvocationNode call
        && call.getTree() != null
        && ASTHelpers.getSymbol(call.getTree()) instanceof MethodSymbol m) {
      Type receiver =
          call.getTarget().isStatic() ? null : (Type) call.getTarget().getReceiver().getType();
      return ctx.model.isNoThrow(m, receiver);
    }
    return n instanceof ObjectCreationNode creation
        && creation.getTree() != null
        && ASTHelpers.getSymbol(creation.getTree()) instanceof MethodSymbol c
        && ctx.model.isNoThrow(c, null);
  }

  private HoldStore exceptional(Node n, Type cause, HoldStore base) {
    if (base.held().isEmpty()) {
      return base;
    }
    if (ctx.types.isSubtype(ctx.types.erasure(cause), ctx.types.erasure(ctx.error))) {
      return base.withoutHolds();
    }
    String exception = cause.tsym.getSimpleName().toString();
    if (n instanceof ThrowNode t) {
      return base.toExceptional(witness(Witness.Kind.THROW, t.getTree(), exception));
    }
    if (n.getTree() != null
        && (ctx.keyParts.contains(n.getTree()) || !ctx.hasSource.test(n.getTree()))) {
      // A getter that names a lock, or a call the compiler made up (boxing, the iterator of a
      // for-each loop): not a path the source shows.
      return base.withoutHolds();
    }
    if (n instanceof MethodInvocationNode || n instanceof ObjectCreationNode) {
      if (isNoThrow(n)) {
        return base.withoutHolds(); // `Arrays.fill(key, (char) 0)` before the unlock
      }
      return base.toExceptional(witness(Witness.Kind.CALL_THROWS, n.getTree(), exception));
    }
    if (n instanceof MarkerNode) {
      return base; // the end of a finally block rethrows what is in flight
    }
    // NullPointerException of a field access, ArithmeticException, ClassCastException: not
    // followed, as for resources.
    return base.withoutHolds();
  }
}
