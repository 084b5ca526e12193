package dev.leakproof.checks;

import static com.google.errorprone.matchers.Description.NO_MATCH;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.leakproof.analysis.LeakAnalysis;
import java.util.Collection;
import javax.lang.model.element.Element;

/**
 * A check that looks at each unit the analysis knows: every method with a body, every lambda and
 * every initializer block. It also reports a bad {@code -XepOpt:Leakproof:*} flag, once per
 * compilation, whichever checks are on. Each matcher is a check boundary ({@link Boundary}):
 * whatever escapes the analysis, a fix or a message becomes one note on the unit.
 */
abstract class UnitCheck extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodTreeMatcher,
        LambdaExpressionTreeMatcher,
        ClassTreeMatcher {
  final LeakAnalysis analysis;

  UnitCheck(LeakAnalysis analysis) {
    this.analysis = analysis;
  }

  /**
   * Error Prone checks suppressions only on the path to the matched tree (the unit). A finding
   * inside it is suppressed on any declaration between the unit and {@code site}, and on any of
   * {@code variables} (the locals that held the resource).
   */
  final boolean isSuppressedAt(
      Tree site, Collection<? extends Element> variables, TreePath unitPath, VisitorState state) {
    TreePath path = TreePath.getPath(unitPath, site);
    for (TreePath p = path; p != null && p.getLeaf() != unitPath.getLeaf(); p = p.getParentPath()) {
      if (isSuppressed(p.getLeaf(), state)) {
        return true;
      }
    }
    for (Element v : variables) {
      if (v instanceof Symbol sym && isSuppressed(sym, state)) {
        return true;
      }
    }
    return false;
  }

  /** Reports the findings of the unit (method, lambda or initializer block) at {@code unitPath}. */
  abstract void reportUnit(TreePath unitPath, VisitorState state);

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    try {
      LeakReporter.reportConfigError(analysis, state);
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      Boundary.failed(this, tree, e, state);
    }
    return NO_MATCH;
  }

  @Override
  public final Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() != null) {
      checkUnit(state.getPath(), state);
    }
    return NO_MATCH;
  }

  @Override
  public final Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    checkUnit(state.getPath(), state);
    return NO_MATCH;
  }

  @Override
  public final Description matchClass(ClassTree tree, VisitorState state) {
    for (Tree member : tree.getMembers()) {
      if (member instanceof BlockTree block) {
        checkUnit(new TreePath(state.getPath(), block), state);
      }
    }
    return NO_MATCH;
  }

  /** The check boundary: nothing may escape into javac and break the user's build. */
  private void checkUnit(TreePath unitPath, VisitorState state) {
    try {
      reportUnit(unitPath, state);
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      Boundary.failed(this, unitPath.getLeaf(), e, state);
    }
  }
}
