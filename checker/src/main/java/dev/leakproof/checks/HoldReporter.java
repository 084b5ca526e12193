package dev.leakproof.checks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.leakproof.analysis.Faults;
import dev.leakproof.analysis.HoldAnalysis;
import dev.leakproof.analysis.LeakAnalysis;
import dev.leakproof.analysis.Witness;
import dev.leakproof.fix.LockFix;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What {@code UnreleasedLock} and {@code UnrestoredState} share: ask the hold analysis about a
 * unit, keep the findings of one kind, honour suppressions on enclosing declarations, and report
 * each with its message and, for locks, its fix.
 */
final class HoldReporter {
  private HoldReporter() {}

  /**
   * Reports the locks ({@code locks}) or state changes the unit at {@code unitPath} leaves held.
   */
  static void report(
      UnitCheck check,
      LeakAnalysis analysis,
      boolean locks,
      TreePath unitPath,
      VisitorState state) {
    if (analysis.configError() != null) {
      return;
    }
    List<HoldAnalysis.Finding> findings = analysis.holds(unitPath, state);
    String skipped = analysis.holdSkippedBecause(unitPath.getLeaf());
    if (skipped != null && analysis.claimSkipNote(unitPath.getLeaf(), true)) {
      Boundary.noteSkipped(
          check, unitPath.getLeaf(), " for locks and temporary state", skipped, state);
    }
    for (HoldAnalysis.Finding f : findings) {
      if (f.isLock() != locks || check.isSuppressedAt(f.site(), List.of(), unitPath, state)) {
        continue;
      }
      Faults.at(Faults.Point.REPORT);
      Description.Builder d =
          check.buildDescription(f.site()).setMessage(message(f, unitPath, state));
      if (locks) {
        SuggestedFix fix = LockFix.of(f, unitPath, analysis.model(state), state);
        if (fix != null) {
          d.addFix(fix);
        }
      }
      state.reportMatch(d.build());
    }
  }

  static String message(HoldAnalysis.Finding f, TreePath unitPath, VisitorState state) {
    CompilationUnitTree unit = unitPath.getCompilationUnit();
    if (f.lockInsideTry() != null) {
      return "`"
          + f.text()
          + "` is locked inside the try block whose finally unlocks it: if locking fails,"
          + " unlock() throws IllegalMonitorStateException, which hides the real exception;"
          + " lock it just before the try";
    }
    String what =
        f.isLock()
            ? "`" + f.text() + "` is locked here and not unlocked"
            : "the change made by `" + f.text() + "` is not undone";
    String how = f.isLock() ? "unlock it in a finally block" : "undo it in a finally block";
    Witness w = f.witness();
    Function<Tree, Integer> lineOf = t -> LeakReporter.line(unit, ASTHelpers.getStartPosition(t));
    if (w == null) {
      return what + " on some path; " + how;
    }
    return switch (w.kind()) {
      case RETURN ->
          what + " when the method returns at line " + lineOf.apply(w.tree()) + "; " + how;
      case CALL_THROWS ->
          what
              + " if "
              + LeakMessages.callText(w.tree(), state)
              + (w.detail().equals("RuntimeException") ? " throws" : " throws " + w.detail())
              + " (line "
              + lineOf.apply(w.tree())
              + "); "
              + how;
      case THROW ->
          what + " when line " + lineOf.apply(w.tree()) + " throws " + w.detail() + "; " + how;
      default ->
          what
              + " when the "
              + (unitPath.getLeaf() instanceof com.sun.source.tree.LambdaExpressionTree
                  ? "lambda"
                  : "method")
              + " ends at line "
              + LeakReporter.line(unit, endOf(unitPath, state))
              + "; "
              + how;
    };
  }

  private static int endOf(TreePath unitPath, VisitorState state) {
    Tree leaf = unitPath.getLeaf();
    @Nullable Tree body =
        leaf instanceof com.sun.source.tree.MethodTree m
            ? m.getBody()
            : leaf instanceof com.sun.source.tree.LambdaExpressionTree l ? l.getBody() : leaf;
    return Math.max(0, state.getEndPosition(body) - 1);
  }
}
