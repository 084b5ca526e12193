package dev.leakproof.checks;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import dev.leakproof.analysis.Faults;
import dev.leakproof.analysis.Leak;
import dev.leakproof.analysis.LeakAnalysis;
import dev.leakproof.analysis.UnitResult;
import dev.leakproof.fix.FixResult;
import dev.leakproof.fix.NestedFixes;
import dev.leakproof.fix.NoFix;
import dev.leakproof.fix.TryWithResourcesFix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.tools.Diagnostic;

/**
 * What {@code ResourceLeak} and {@code ResourceLeakOnException} share: ask the analysis about a
 * unit, keep the leaks of one kind, honour suppressions on enclosing declarations and variables,
 * and report each with its message and fix.
 */
final class LeakReporter {
  private LeakReporter() {}

  /** Reports the leaks of the unit at {@code unitPath} whose kind matches {@code onException}. */
  static void report(
      UnitCheck check,
      LeakAnalysis analysis,
      boolean onException,
      TreePath unitPath,
      VisitorState state) {
    if (analysis.configError() != null) {
      return;
    }
    UnitResult result = analysis.analyze(unitPath, state);
    noteIfSkipped(check, analysis, unitPath, result, state);
    // Two acquisitions on one line that end up in the same variables (`b ? open(f) : open(g)`)
    // are one value to the reader: one finding. Acquisitions on separate lines (the arms of a
    // switch) keep a finding each, so that each points at its own acquisition.
    Set<List<Object>> reported = new HashSet<>();
    List<Tree> sites = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    List<SuggestedFix> fixes = new ArrayList<>();
    for (Leak leak : result.leaks()) {
      if (leak.onExceptionOnly() != onException
          || check.isSuppressedAt(leak.site(), leak.variables(), unitPath, state)) {
        continue;
      }
      if (!leak.variables().isEmpty()
          && !reported.add(
              List.of(
                  line(unitPath.getCompilationUnit(), ASTHelpers.getStartPosition(leak.site())),
                  leak.variables()))) {
        continue;
      }
      Faults.at(Faults.Point.REPORT);
      FixResult fix =
          TryWithResourcesFix.forLeak(
              leak,
              result,
              unitPath,
              analysis.model(state),
              analysis.childrenMustBeClosed(),
              state);
      String message = LeakMessages.message(leak, unitPath, state);
      if (fix.reason() != null) {
        message += " (no automatic fix: " + fix.reason().why() + ")";
      }
      sites.add(leak.site());
      messages.add(message);
      fixes.add(fix.fix());
    }
    // A leak inside another leak's rewrite: one patch pass fixes both.
    List<SuggestedFix> composed =
        NestedFixes.compose(fixes.stream().filter(Objects::nonNull).toList(), state);
    for (int i = 0, next = 0; i < sites.size(); i++) {
      String message = messages.get(i);
      SuggestedFix fix = fixes.get(i) == null ? null : composed.get(next++);
      if (fixes.get(i) != null && fix == null) {
        message += " (no automatic fix: " + NoFix.OVERLAPS.why() + ")";
      }
      Description.Builder description = check.buildDescription(sites.get(i)).setMessage(message);
      if (fix != null) {
        description.addFix(fix);
      }
      state.reportMatch(description.build());
    }
  }

  /**
   * Reports a bad {@code -XepOpt:Leakproof:*} flag once per compilation, as a compiler error that
   * says how to fix it.
   */
  static void reportConfigError(LeakAnalysis analysis, VisitorState state) {
    String error = analysis.configError();
    if (error != null && analysis.claimConfigErrorReport()) {
      // The Messager reports through javac's diagnostic listener too, so IDEs and tools see it.
      JavacProcessingEnvironment.instance(state.context)
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "Leakproof: " + error);
    }
  }

  /**
   * Never silent: a unit the leak analysis skipped says so, in one note however many checks read
   * the result.
   */
  static void noteIfSkipped(
      UnitCheck check,
      LeakAnalysis analysis,
      TreePath unitPath,
      UnitResult result,
      VisitorState state) {
    if (result.skippedBecause() != null && analysis.claimSkipNote(unitPath.getLeaf(), false)) {
      Boundary.noteSkipped(
          check, unitPath.getLeaf(), " for resource leaks", result.skippedBecause(), state);
    }
  }

  static int line(CompilationUnitTree unit, int position) {
    return position < 0 ? -1 : (int) unit.getLineMap().getLineNumber(position);
  }

  static String simpleTypeName(Tree tree) {
    var type = ASTHelpers.getType(tree);
    return type == null ? "resource" : type.tsym.getSimpleName().toString();
  }
}
