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

/** Reports a resource that some normal path leaves a resource unreleased. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A resource is not closed on some normal path through the method",
    severity = WARNING,
    // The key javac's lint, Eclipse and IntelliJ use for resource warnings: code that already
    // suppresses those has been reviewed, so it suppresses Leakproof too.
    altNames = "resource",
    tags = StandardTags.LIKELY_ERROR,
    linkType = CUSTOM,
    link = Docs.BASE + "ResourceLeak.md")
public final class ResourceLeak extends UnitCheck {
  public ResourceLeak() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  ResourceLeak(LeakAnalysis analysis) {
    super(analysis);
  }

  @Override
  void reportUnit(TreePath unitPath, VisitorState state) {
    LeakReporter.report(this, analysis, false, unitPath, state);
  }
}
