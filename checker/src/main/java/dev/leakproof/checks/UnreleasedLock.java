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
 * Reports a lock acquired and not released on some normal or exceptional path, and {@code lock()}
 * called inside the {@code try} whose {@code finally} unlocks.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A lock is not released on some path through the method",
    severity = WARNING,
    tags = StandardTags.LIKELY_ERROR,
    linkType = CUSTOM,
    link = Docs.BASE + "UnreleasedLock.md")
public final class UnreleasedLock extends UnitCheck {
  public UnreleasedLock() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  UnreleasedLock(LeakAnalysis analysis) {
    super(analysis);
  }

  @Override
  void reportUnit(TreePath unitPath, VisitorState state) {
    HoldReporter.report(this, analysis, true, unitPath, state);
  }
}
