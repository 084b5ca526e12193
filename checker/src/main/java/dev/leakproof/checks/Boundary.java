package dev.leakproof.checks;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import dev.leakproof.analysis.LeakAnalysis;

/**
 * The check boundary: a unit a check could not look at (over the budget, or an internal error in
 * the analysis, a fix or a message) is reported as one note that names the check and the method,
 * and the build goes on. A note, not a warning, so that {@code -Werror} builds never fail on it.
 * With {@code -Dleakproof.strict=true} (the test suite) an internal error is rethrown instead.
 */
public final class Boundary {
  /** How every such note starts; the CLI tells notes from findings by it. */
  public static final String SKIPPED = "Leakproof did not check ";

  private Boundary() {}

  /**
   * Tells the user that {@code check} did not look at {@code unit} {@code forWhat} (" for resource
   * leaks", or "" when only this check is concerned), and why.
   */
  static void noteSkipped(
      BugChecker check, Tree unit, String forWhat, String why, VisitorState state) {
    state.reportMatch(
        check
            .buildDescription(unit)
            .setMessage(
                SKIPPED
                    + describe(unit)
                    + forWhat
                    + " because "
                    + why
                    + (why.startsWith("it is too large")
                        ? "; -XepOpt:Leakproof:MaxStepsPerMethod raises the limit"
                        : ""))
            .overrideSeverity(SeverityLevel.SUGGESTION)
            .build());
  }

  /**
   * Catches what escaped {@code check} while it looked at {@code unit} (a method, lambda,
   * initializer, class or compilation unit): rethrown in strict mode, a note otherwise.
   */
  static void failed(BugChecker check, Tree unit, Throwable e, VisitorState state) {
    if (Boolean.getBoolean(LeakAnalysis.STRICT_PROPERTY)) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e;
    }
    noteSkipped(check, unit, "", "of an internal error: " + LeakAnalysis.describeFailure(e), state);
  }

  static String describe(Tree unit) {
    return switch (unit) {
      case MethodTree m ->
          m.getName().contentEquals("<init>") && ASTHelpers.getSymbol(m) != null
              ? "constructor " + ASTHelpers.getSymbol(m).owner.getSimpleName() + "()"
              : "method " + m.getName() + "()";
      case LambdaExpressionTree l -> "a lambda";
      case ClassTree c -> "class " + c.getSimpleName();
      case com.sun.source.tree.BlockTree b -> "an initializer";
      default -> "this file";
    };
  }
}
