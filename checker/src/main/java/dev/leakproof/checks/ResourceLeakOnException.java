package dev.leakproof.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.Description.NO_MATCH;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
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
public final class ResourceLeakOnException extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodTreeMatcher,
        LambdaExpressionTreeMatcher,
        ClassTreeMatcher {
  private final LeakAnalysis analysis;

  public ResourceLeakOnException() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  ResourceLeakOnException(LeakAnalysis analysis) {
    this.analysis = analysis;
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    LeakReporter.reportConfigError(analysis, state);
    return NO_MATCH;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() != null) {
      LeakReporter.report(this, analysis, true, state);
    }
    return NO_MATCH;
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    LeakReporter.report(this, analysis, true, state);
    return NO_MATCH;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    LeakReporter.reportInitializers(this, analysis, true, state);
    return NO_MATCH;
  }
}
