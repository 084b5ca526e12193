package dev.leakproof.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.leakproof.analysis.Leak;
import dev.leakproof.analysis.LeakAnalysis;
import dev.leakproof.analysis.UnitResult;
import dev.leakproof.fix.FixResult;
import dev.leakproof.fix.NestedFixes;
import dev.leakproof.fix.TryWithResourcesFix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;

/**
 * Suggests try-with-resources for a resource that is released correctly, but by hand: closed in a
 * {@code finally} block. The rewrite is the one the leak checks use, so it is offered only where it
 * keeps what the code does; nothing is reported where it is not.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A resource closed by hand in a finally block can use try-with-resources",
    severity = SUGGESTION,
    tags = StandardTags.REFACTORING,
    linkType = CUSTOM,
    link = Docs.BASE + "PreferTryWithResources.md")
public final class PreferTryWithResources extends UnitCheck {
  public PreferTryWithResources() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  PreferTryWithResources(LeakAnalysis analysis) {
    super(analysis);
  }

  @Override
  void reportUnit(TreePath unitPath, VisitorState state) {
    if (unitPath.getLeaf() instanceof LambdaExpressionTree lambda
        && !(lambda.getBody() instanceof BlockTree)) {
      return;
    }
    if (analysis.configError() != null) {
      return; // ResourceLeak reports the flag error
    }
    UnitResult result = analysis.analyze(unitPath, state);
    LeakReporter.noteIfSkipped(this, analysis, unitPath, result, state);
    if (result.acquisitions().isEmpty()) {
      return;
    }
    Set<Tree> leaking = new HashSet<>();
    for (Leak leak : result.leaks()) {
      leaking.add(leak.site());
    }
    List<TreePath> holders = new ArrayList<>();
    List<SuggestedFix> fixes = new ArrayList<>();
    for (TreePath holder : candidates(unitPath, result.acquisitions(), leaking)) {
      if (isSuppressedAt(holder.getLeaf(), variables(holder), unitPath, state)
          || leakFollows(holder, leaking, state)) {
        continue;
      }
      FixResult fix =
          TryWithResourcesFix.forManualRelease(
              holder, result.acquisitions(), unitPath, analysis.model(state), state);
      if (fix.fix() != null) {
        holders.add(holder);
        fixes.add(fix.fix());
      }
    }
    // Resources closed in nested finally blocks: one patch pass rewrites them all.
    fixes = NestedFixes.compose(fixes, state);
    for (int i = 0; i < holders.size(); i++) {
      if (fixes.get(i) == null) {
        continue; // overlapping rewrites that do not compose: the suggestion waits
      }
      Symbol var = variableOf(holders.get(i));
      state.reportMatch(
          buildDescription(holders.get(i).getLeaf())
              .setMessage(
                  "`"
                      + var.getSimpleName()
                      + "` ("
                      + var.type.tsym.getSimpleName()
                      + ") is closed by hand in a finally block; try-with-resources closes it"
                      + " the same way with less code")
              .addFix(fixes.get(i))
              .build());
    }
  }

  /**
   * The declarations ({@code T x = open();}) and assignments ({@code x = open();} of a local
   * declared {@code null}) of resources acquired here that do not leak and that a {@code finally}
   * block closes, skipping lambdas and classes inside the unit (they are units of their own).
   */
  private static List<TreePath> candidates(
      TreePath unitPath, Set<Tree> acquisitions, Set<Tree> leaking) {
    Set<Symbol> closedInFinally = closedInFinally(unitPath.getLeaf());
    List<TreePath> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        consider(tree.getInitializer(), ASTHelpers.getSymbol(tree));
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        consider(tree.getExpression(), ASTHelpers.getSymbol(tree.getVariable()));
        return super.visitAssignment(tree, unused);
      }

      private void consider(ExpressionTree value, Symbol var) {
        if (value != null
            && var != null
            && var.getKind() == ElementKind.LOCAL_VARIABLE
            && closedInFinally.contains(var)) {
          // The acquisition is the value, or inside it when a decorator wraps it.
          boolean[] acquired = {false};
          boolean[] leaks = {false};
          new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree t, Void unused) {
              if (t != null && acquisitions.contains(t)) {
                acquired[0] = true;
                leaks[0] |= leaking.contains(t);
              }
              return super.scan(t, unused);
            }
          }.scan(value, null);
          if (acquired[0] && !leaks[0]) {
            found.add(getCurrentPath());
          }
        }
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return tree == unitPath.getLeaf() ? super.visitLambdaExpression(tree, unused) : null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(unitPath, null);
    return found;
  }

  /** The locals that some {@code finally} block closes, directly or after a null test. */
  private static Set<Symbol> closedInFinally(Tree unit) {
    Set<Symbol> closed = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitTry(TryTree tree, Void unused) {
        if (tree.getFinallyBlock() != null) {
          for (StatementTree s : tree.getFinallyBlock().getStatements()) {
            Symbol sym = closedBy(s);
            if (sym != null) {
              closed.add(sym);
            }
          }
        }
        return super.visitTry(tree, unused);
      }
    }.scan(unit, null);
    return closed;
  }

  private static Symbol closedBy(StatementTree s) {
    if (s instanceof IfTree i && i.getElseStatement() == null) {
      StatementTree then = i.getThenStatement();
      if (then instanceof BlockTree b && b.getStatements().size() == 1) {
        then = b.getStatements().get(0);
      }
      return closedBy(then);
    }
    if (s instanceof ExpressionStatementTree es
        && es.getExpression() instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("close")
        && select.getExpression() instanceof IdentifierTree id) {
      return ASTHelpers.getSymbol(id);
    }
    return null;
  }

  /**
   * Whether a leaking acquisition follows the holder in its block. The leak's own fix rewrites that
   * code; a second rewrite of the same lines would clash with it in one patch pass, so this one
   * waits until the leak is fixed.
   */
  private static boolean leakFollows(TreePath holder, Set<Tree> leaking, VisitorState state) {
    TreePath block = holder;
    while (block != null && !(block.getLeaf() instanceof BlockTree)) {
      block = block.getParentPath();
    }
    if (block == null) {
      return true;
    }
    int from = ASTHelpers.getStartPosition(holder.getLeaf());
    int to = state.getEndPosition(block.getLeaf());
    for (Tree site : leaking) {
      int at = ASTHelpers.getStartPosition(site);
      if (from <= at && at < to) {
        return true;
      }
    }
    return false;
  }

  private static List<Symbol> variables(TreePath holder) {
    Symbol var = variableOf(holder);
    return var == null ? List.of() : List.of(var);
  }

  private static Symbol variableOf(TreePath holder) {
    return holder.getLeaf() instanceof VariableTree v
        ? ASTHelpers.getSymbol(v)
        : ASTHelpers.getSymbol(((AssignmentTree) holder.getLeaf()).getVariable());
  }
}
