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
 * Reports a resource that an exception thrown between acquiring and releasing a resource skips the
 * release.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A resource is closed on normal paths but not when an exception is thrown",
    severity = WARNING,
    // The key javac's lint, Eclipse and IntelliJ use for resource warnings: code that already
    // suppresses those has been reviewed, so it suppresses Leakproof too.
    altNames = "resource",
    tags = StandardTags.LIKELY_ERROR,
    linkType = CUSTOM,
    link = Docs.BASE + "ResourceLeakOnException.md")
public final class ResourceLeakOnException extends UnitCheck {
  public ResourceLeakOnException() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  ResourceLeakOnException(LeakAnalysis analysis) {
    super(analysis);
  }

  @Override
  void reportUnit(TreePath unitPath, VisitorState state) {
    LeakReporter.report(this, analysis, true, unitPath, state);
  }
}
