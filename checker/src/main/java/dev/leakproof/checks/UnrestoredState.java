package dev.leakproof.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.util.TreePath;
import dev.leakproof.analysis.LeakAnalysis;
import javax.inject.Inject;

/**
 * Reports a temporary change to shared state (a thread's context class loader, a logging context
 * key, a semaphore permit) that the method undoes on some path but not on every path, normal or
 * exceptional.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A temporary change to shared state is not undone on some path",
    severity = WARNING,
    tags = StandardTags.LIKELY_ERROR,
    linkType = CUSTOM,
    link = Docs.BASE + "UnrestoredState.md")
public final class UnrestoredState extends UnitCheck {
  public UnrestoredState() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  UnrestoredState(LeakAnalysis analysis) {
    super(analysis);
  }

  @Override
  void reportUnit(TreePath unitPath, VisitorState state) {
    HoldReporter.report(this, analysis, false, unitPath, state);
  }
}
