package dev.leakproof.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.Description.NO_MATCH;
import static dev.leakproof.checks.LeakReporter.line;
import static dev.leakproof.checks.LeakReporter.simpleTypeName;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.leakproof.analysis.FieldFinding;
import dev.leakproof.analysis.LeakAnalysis;
import javax.inject.Inject;

/** Reports a resource that a class opens, keeps in a field, and never releases. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A class keeps a resource it opened in a field and does not release it",
    severity = WARNING,
    // As for the other leak checks: the key other tools use for resource warnings.
    altNames = "resource",
    tags = StandardTags.LIKELY_ERROR,
    linkType = CUSTOM,
    link = Docs.BASE + "UnclosedResourceField.md")
public final class UnclosedResourceField extends BugChecker implements ClassTreeMatcher {
  private final LeakAnalysis analysis;

  public UnclosedResourceField() {
    this(new LeakAnalysis(ErrorProneFlags.empty()));
  }

  @Inject
  UnclosedResourceField(LeakAnalysis analysis) {
    this.analysis = analysis;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    try {
      if (analysis.configError() != null) {
        LeakReporter.reportConfigError(analysis, state);
        return NO_MATCH;
      }
      for (FieldFinding f : analysis.fieldFindings(state.getPath(), state)) {
        Tree at = f.overwrite() != null ? f.overwrite().tree() : f.field();
        if (!isSuppressed(f, at, state)) {
          state.reportMatch(buildDescription(at).setMessage(message(f, state)).build());
        }
      }
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      // The check boundary: nothing may escape into javac and break the user's build.
      Boundary.failed(this, tree, e, state);
    }
    return NO_MATCH;
  }

  private static String message(FieldFinding f, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    String field = "`" + f.field().getName() + "`";
    String what =
        "the "
            + simpleTypeName(f.acquisition())
            + " opened at line "
            + line(unit, ASTHelpers.getStartPosition(f.acquisition()));
    String cls = ((ClassTree) state.getPath().getLeaf()).getSimpleName().toString();
    return switch (f.kind()) {
      case NO_LIFECYCLE_METHOD ->
          field
              + " holds "
              + what
              + ", but "
              + cls
              + " has no close() or other method that ends its life and releases it";
      case NOT_RELEASED ->
          field
              + " holds "
              + what
              + ", which "
              + String.join(" or ", f.lifecycleMethods())
              + " does not release";
      case OVERWRITTEN ->
          field
              + " still holds "
              + what
              + " when line "
              + line(unit, f.overwrite().position())
              + " overwrites it; close the old resource first";
    };
  }

  /** The field, the class, and (for an overwrite) the method and statements around it. */
  private boolean isSuppressed(FieldFinding f, Tree at, VisitorState state) {
    if (isSuppressed(f.field(), state)) {
      return true;
    }
    TreePath path = TreePath.getPath(state.getPath(), at);
    for (TreePath p = path;
        p != null && p.getLeaf() != state.getPath().getLeaf();
        p = p.getParentPath()) {
      if (isSuppressed(p.getLeaf(), state)) {
        return true;
      }
    }
    return false;
  }
}
