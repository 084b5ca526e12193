package dev.leakproof.checks;

import static dev.leakproof.checks.LeakReporter.line;
import static dev.leakproof.checks.LeakReporter.simpleTypeName;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.leakproof.analysis.Leak;
import dev.leakproof.analysis.Witness;
import dev.leakproof.fix.Holders;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/** Finding messages that name the resource and the path on which it leaks. */
final class LeakMessages {
  private LeakMessages() {}

  static String message(Leak leak, TreePath unitPath, VisitorState state) {
    CompilationUnitTree unit = unitPath.getCompilationUnit();
    String what = describeResource(leak, unitPath);
    Witness w = leak.witness();
    int line = line(unit, w.position());
    String unitWord =
        unitPath.getLeaf() instanceof LambdaExpressionTree
            ? "lambda"
            : unitPath.getLeaf() instanceof BlockTree ? "initializer" : "method";
    String path =
        switch (w.kind()) {
          case RETURN -> "is not closed when the " + unitWord + " returns at line " + line;
          case END ->
              "is not closed when the "
                  + unitWord
                  + " ends at line "
                  + line(unit, state.getEndPosition(w.tree()));
          case OVERWRITTEN ->
              line == line(unit, ASTHelpers.getStartPosition(leak.site()))
                  ? "is still open when line " + line + " runs again"
                  : "is still open when `" + w.detail() + "` is overwritten at line " + line;
          case REOPENED -> "is still open when line " + line + " runs again and opens another";
          case DROPPED -> dropped(leak, w, line, state);
          case CALL_THROWS ->
              "is not closed if "
                  + callText(w.tree(), state)
                  + " throws "
                  + w.detail()
                  + " (line "
                  + line
                  + ")";
          case THROW -> "is not closed when line " + line + " throws " + w.detail();
        };
    String advice =
        leak.onExceptionOnly()
            ? "; close it in a finally block or use try-with-resources"
            : "; close it, for example with try-with-resources";
    return what + " " + path + advice;
  }

  /** "`in` (FileInputStream)", "the FileReader in `reader`" or "the Socket opened here". */
  private static String describeResource(Leak leak, TreePath unitPath) {
    String type = simpleTypeName(leak.site());
    Holders.Holder holder = Holders.of(leak, unitPath);
    if (holder != null) {
      String name = holder.variable().getSimpleName().toString();
      return simpleTypeName(holder.value()).equals(type)
          ? "`" + name + "` (" + type + ")"
          : "the " + type + " in `" + name + "`";
    }
    return leak.variables().stream()
        .filter(v -> !v.getSimpleName().toString().contains("#"))
        .min(Comparator.comparing(v -> v.getSimpleName().toString()))
        .map(v -> "the " + type + " in `" + v.getSimpleName() + "`")
        .orElse("the " + type + " opened here");
  }

  /** The value's last reference went into a call that keeps nothing, or a discarded statement. */
  private static String dropped(Leak leak, Witness w, int line, VisitorState state) {
    if (w.tree() instanceof MethodInvocationTree call) {
      for (Tree arg : call.getArguments()) {
        if (arg == leak.site() || leak.temporaries().contains(arg)) {
          return "is passed to "
              + callText(call, state)
              + " at line "
              + line
              + ", which does not close it, and is never closed";
        }
      }
      return "is never closed after " + callText(call, state) + " at line " + line;
    }
    if (w.tree() instanceof NewClassTree creation) {
      return "is passed to "
          + callText(creation, state)
          + " at line "
          + line
          + ", which does not close it, and is never closed";
    }
    return "is opened at line " + line + " and never closed";
  }

  static String callText(@Nullable Tree tree, VisitorState state) {
    if (tree instanceof MethodInvocationTree call) {
      String select = state.getSourceForNode(call.getMethodSelect());
      if (select == null) {
        return "closing `" + ASTHelpers.getReceiver(call) + "`";
      }
      if (select.length() > 40) {
        select = ASTHelpers.getSymbol(call).getSimpleName().toString();
      }
      return "`" + select.replaceAll("\\s+", " ") + "()`";
    }
    if (tree instanceof NewClassTree creation) {
      return "`new " + state.getSourceForNode(creation.getIdentifier()) + "(...)`";
    }
    return "a call";
  }
}
