package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.VariableElement;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Runs the must-release analysis over one unit's CFG and turns the exit stores into leaks and a
 * summary.
 *
 * <p>What it promises: every resource acquired in the unit has an obligation; a finding is made for
 * an obligation that reaches the normal exit open on some path ({@code ResourceLeak}), or that
 * reaches either exit only through a followed exception edge ({@code ResourceLeakOnException}). It
 * under-approximates the paths: unchecked exceptions not documented by the model are not followed,
 * and calls into other compilation units never release or store what they are given.
 */
final class UnitAnalysis {
  private UnitAnalysis() {}

  /** The unit's body and how the CFG builder should see it; null if it has no body. */
  private record Unit(TreePath bodyPath, UnderlyingAST ast, Tree body) {}

  static @Nullable Tree bodyOf(Tree unit) {
    if (unit instanceof MethodTree m) {
      return m.getBody();
    }
    if (unit instanceof LambdaExpressionTree l) {
      return l.getBody();
    }
    return unit instanceof BlockTree ? unit : null;
  }

  static UnitResult run(
      TreePath unitPath,
      UnitContext ctx,
      Map<VariableElement, OwnedFields.Owned> ownedFields,
      ProcessingEnvironment env) {
    Unit unit = describe(unitPath);
    if (unit == null) {
      return UnitResult.NOTHING;
    }
    ctx.inConstructor =
        unitPath.getLeaf() instanceof MethodTree m
            && ASTHelpers.getSymbol(m) != null
            && ASTHelpers.getSymbol(m).isConstructor();
    ctx.ownedFields = ownedFields;
    if (!ctx.inConstructor && !ownedFields.isEmpty()) {
      ctx.closedFlags = ClosedGuards.flagsSetTrue(unit.body());
      ClassTree cls = ASTHelpers.findEnclosingNode(unitPath, ClassTree.class);
      if (cls != null
          && (!ctx.closedFlags.isEmpty()
              || (unitPath.getLeaf() instanceof MethodTree m
                  && ASTHelpers.getSymbol(m) instanceof MethodSymbol sym
                  && ctx.model.isLifecycleMethod(sym)))) {
        ctx.lastUserSets = ClosedGuards.lastUserSets(unit.body(), cls, ctx.model, ctx.state);
      }
      ctx.nullMeansClosed = SiblingNullGuards.nullMeansClosed(unitPath, ownedFields.keySet());
      if (!ctx.nullMeansClosed.isEmpty()) {
        ctx.notReopened = SiblingNullGuards.notReopened(unitPath, ownedFields.keySet());
      }
      if (cls != null) {
        ctx.releasedBySuper =
            InheritedRelease.fieldsReturnedByOverrides(cls, ownedFields.keySet(), ctx.state);
        ctx.ownershipFlags = ctx.ownershipFlagsOf.apply(cls);
      }
    }
    ctx.budget.chargeCfg(unit.body());
    ControlFlowGraph cfg = CFGBuilder.build(unit.bodyPath(), unit.ast(), false, false, env);
    ForwardAnalysisImpl<NoValue, LeakStore, LeakTransfer> analysis =
        new ForwardAnalysisImpl<>(new LeakTransfer(ctx));
    analysis.performAnalysis(cfg);
    LeakStore regular = analysis.getRegularExitStore();
    LeakStore exceptional = analysis.getExceptionalExitStore();
    return new UnitResult(
        leaks(regular, exceptional, unit, ctx),
        summary(regular, exceptional, ctx),
        acquisitionSites(ctx),
        null,
        openFields(regular),
        overwrittenFields(ctx));
  }

  private static @Nullable Unit describe(TreePath path) {
    Tree leaf = path.getLeaf();
    ClassTree cls = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    if (cls == null) {
      return null;
    }
    if (leaf instanceof MethodTree m && m.getBody() != null) {
      return new Unit(
          new TreePath(path, m.getBody()), new UnderlyingAST.CFGMethod(m, cls), m.getBody());
    }
    if (leaf instanceof LambdaExpressionTree l) {
      MethodTree enclosing = ASTHelpers.findEnclosingNode(path, MethodTree.class);
      return new Unit(
          new TreePath(path, l.getBody()),
          new UnderlyingAST.CFGLambda(l, cls, enclosing),
          l.getBody());
    }
    if (leaf instanceof BlockTree b) {
      return new Unit(path, new UnderlyingAST.CFGStatement(b, cls), b);
    }
    return null;
  }

  private static List<Leak> leaks(
      @Nullable LeakStore regular, @Nullable LeakStore exceptional, Unit unit, UnitContext ctx) {
    Map<Obligation, @Nullable Witness> normal = new HashMap<>();
    Map<Obligation, @Nullable Witness> onException = new HashMap<>();
    // Reaching the end is the least specific witness: any other event on a merged path wins.
    Witness end = new Witness(Witness.Kind.END, unit.body(), Integer.MAX_VALUE, "");
    for (LeakStore store : new LeakStore[] {regular, exceptional}) {
      if (store == null) {
        continue;
      }
      boolean exceptionalExit = store == exceptional;
      for (Fact f : store.facts()) {
        // One finding per resource: a child that nothing released is reported even when its
        // parent leaks too (a statement of a leaked connection).
        // An @Owning parameter is this method's to release when it returns normally; when it
        // throws, the caller keeps it.
        // An object that holds nothing yet (a dormant fact) cannot leak.
        if (f.dormant()
            || f.obligation().field()
            || (f.obligation().isParameter()
                && (exceptionalExit || !ctx.owningParameters.contains(f.obligation())))) {
          continue;
        }
        // What the object's fields hold is the object's to close: at any exit of a method, and at
        // the normal end of a constructor (an exception there leaves a half-built object behind).
        if (UnitContext.heldByField(f) && (!exceptionalExit || !ctx.inConstructor)) {
          continue;
        }
        // Lost by overwriting an owned field: UnclosedResourceField reports that overwrite.
        if (f.aliases().isEmpty() && ctx.overwrittenField(store.witness(f)) != null) {
          continue;
        }
        // A normal-path fact reaches the exceptional exit only along an edge whose exception is
        // handled on the way (a documented exception caught in the method) or with a rethrow
        // that started on a normal path already reported at the normal exit.
        if (exceptionalExit && !f.exceptional()) {
          continue;
        }
        Witness w = store.witness(f);
        if (f.exceptional()) {
          onException.merge(f.obligation(), w == null ? end : w, Witness::min);
        } else {
          normal.merge(f.obligation(), w == null ? end : w, Witness::min);
        }
      }
    }
    for (Map.Entry<Fact, Witness> e : ctx.lost.entrySet()) {
      Fact f = e.getKey();
      (f.exceptional() ? onException : normal).merge(f.obligation(), e.getValue(), Witness::min);
    }
    List<Leak> leaks = new ArrayList<>();
    for (Obligation o : ctx.acquired) {
      Witness w = normal.get(o);
      boolean onExceptionOnly = false;
      if (w == null) {
        w = onException.get(o);
        onExceptionOnly = true;
      }
      if (w == null) {
        continue;
      }
      ImmutableSet.Builder<VariableElement> vars = ImmutableSet.builder();
      ImmutableSet.Builder<Tree> temps = ImmutableSet.builder();
      for (AliasKey k : ctx.aliasesSeen.getOrDefault(o, Set.of())) {
        switch (k) {
          case AliasKey.Var v -> vars.add(v.element());
          case AliasKey.Temp t -> temps.add(t.tree());
        }
      }
      leaks.add(new Leak(o.site(), onExceptionOnly, w, vars.build(), temps.build()));
    }
    leaks.sort(Comparator.comparingInt(l -> ASTHelpers.getStartPosition(l.site())));
    return leaks;
  }

  private static Set<Tree> acquisitionSites(UnitContext ctx) {
    Set<Tree> sites = new HashSet<>();
    for (Obligation o : ctx.acquired) {
      if (!o.isParameter() && !o.field()) {
        sites.add(o.site());
      }
    }
    return sites;
  }

  /** The owned fields still open when the method returns normally. */
  private static Set<VariableElement> openFields(@Nullable LeakStore regular) {
    Set<VariableElement> open = new HashSet<>();
    if (regular != null) {
      for (Fact f : regular.facts()) {
        if (f.obligation().field()
            && ASTHelpers.getSymbol(f.obligation().site()) instanceof VariableElement v) {
          open.add(v);
        }
      }
    }
    return open;
  }

  private static Map<VariableElement, Witness> overwrittenFields(UnitContext ctx) {
    Map<VariableElement, Witness> out = new HashMap<>();
    for (Map.Entry<Obligation, Witness> e : ctx.overwrittenFields.entrySet()) {
      if (ASTHelpers.getSymbol(e.getKey().site()) instanceof VariableElement v) {
        out.merge(v, e.getValue(), Witness::min);
      }
    }
    return out;
  }

  private static Summary summary(
      @Nullable LeakStore regular, @Nullable LeakStore exceptional, UnitContext ctx) {
    BitSet openAtNormalExit = parametersOpen(regular, true);
    // When the method throws, what its caller passed stays the caller's, even if it was stored
    // in a field of a half-built object (the Checker Framework's convention for @Owning too).
    BitSet openAtExceptionalExit = parametersOpen(exceptional, false);
    BitSet normal = new BitSet();
    BitSet onException = new BitSet();
    BitSet returned = new BitSet();
    ctx.returnedParameters.forEach(returned::set);
    BitSet stored = new BitSet();
    ctx.parametersPassedUp.forEach(stored::set);
    if (regular != null) {
      for (Fact f : regular.facts()) {
        if (f.obligation().isParameter() && UnitContext.heldByField(f)) {
          stored.set(f.obligation().parameterIndex());
        }
      }
    }
    for (int i = ctx.resourceParameters.nextSetBit(0);
        i >= 0;
        i = ctx.resourceParameters.nextSetBit(i + 1)) {
      if (!openAtNormalExit.get(i) && !returned.get(i)) {
        normal.set(i);
        if (!openAtExceptionalExit.get(i)) {
          onException.set(i);
        }
      }
    }
    Set<VariableElement> releasedFields = new HashSet<>();
    if (!ctx.inConstructor && regular != null) {
      releasedFields.addAll(ctx.ownedFields.keySet());
      releasedFields.removeAll(openFields(regular));
    }
    return new Summary(
        normal,
        onException,
        returned,
        stored,
        ctx.returnsFresh,
        releasedFields,
        (BitSet) ctx.wokenParameters.clone(),
        ctx.returnsDormant && !ctx.returnsFresh);
  }

  /** The parameters still open in {@code store}, counting those held by a field as stored. */
  private static BitSet parametersOpen(@Nullable LeakStore store, boolean fieldsOwn) {
    BitSet open = new BitSet();
    if (store != null) {
      for (Fact f : store.facts()) {
        if (f.obligation().isParameter() && !(fieldsOwn && UnitContext.heldByField(f))) {
          open.set(f.obligation().parameterIndex());
        }
      }
    }
    return open;
  }
}
