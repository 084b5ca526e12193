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
public final class UnrestoredState extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodTreeMatcher,
        LambdaExpressionTreeMatcher,
        ClassTreeMatcher {
  private final LeakAnalysis analysis;

  public UnrestoredState() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  UnrestoredState(LeakAnalysis analysis) {
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
      HoldReporter.report(this, analysis, false, state);
    }
    return NO_MATCH;
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    HoldReporter.report(this, analysis, false, state);
    return NO_MATCH;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    HoldReporter.reportInitializers(this, analysis, false, state);
    return NO_MATCH;
  }
}
