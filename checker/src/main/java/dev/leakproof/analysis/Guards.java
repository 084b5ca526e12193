package dev.leakproof.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.function.Predicate;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Whether a call that throws on bad input ({@code it.next()}, {@code opt.get()}) is guarded by a
 * test on the same receiver ({@code it.hasNext()}, {@code opt.isPresent()}): in the condition of an
 * enclosing {@code if}, loop or conditional expression, or in an {@code if} that comes earlier in
 * an enclosing block ({@code if (!it.hasNext()) return;}).
 *
 * <p>One guard covers the first such call after it: in {@code while (it.hasNext()) { k = it.next();
 * v = it.next(); }} the second call is not guarded. This is syntactic and generous on purpose: a
 * guard anywhere in such a condition counts, whichever branch the call is on. It only decides which
 * documented unchecked exceptions are followed, so erring towards "guarded" can hide a leak but
 * never invents one.
 */
final class Guards {
  private Guards() {}

  static boolean isGuarded(MethodInvocationNode call, List<String> guards) {
    TreePath path = call.getTreePath();
    if (guards.isEmpty() || path == null || call.getTree() == null) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call.getTree());
    Symbol target = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if (target == null) {
      return false;
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof MethodTree || t instanceof LambdaExpressionTree || t instanceof ClassTree) {
        return false;
      }
      Tree condition =
          switch (t) {
            case IfTree i -> i.getCondition() == child ? null : i.getCondition();
            case WhileLoopTree w -> w.getCondition() == child ? null : w.getCondition();
            case DoWhileLoopTree d -> d.getCondition() == child ? null : d.getCondition();
            case ForLoopTree f -> f.getCondition() == child ? null : f.getCondition();
            case ConditionalExpressionTree c -> c.getCondition() == child ? null : c.getCondition();
            default -> null;
          };
      if (condition != null && callsGuard(condition, target, guards)) {
        return !calledBetween(t, condition, call.getTree(), target);
      }
      if (t instanceof BlockTree block) {
        for (StatementTree st : block.getStatements()) {
          if (st == child) {
            break;
          }
          if (st instanceof IfTree i && callsGuard(i.getCondition(), target, guards)) {
            return !calledBetween(block, i.getCondition(), call.getTree(), target);
          }
        }
      }
      child = t;
    }
    return false;
  }

  /**
   * Whether {@code region} calls the guarded method on {@code target} after the guard and before
   * {@code call}: one {@code hasNext()} covers one {@code next()}, not the second one in a loop
   * body.
   */
  private static boolean calledBetween(
      Tree region, Tree guard, MethodInvocationTree call, Symbol target) {
    Symbol method = ASTHelpers.getSymbol(call);
    int after = ASTHelpers.getStartPosition(guard);
    int before = ASTHelpers.getStartPosition(call);
    return anyCallOn(
        region,
        target,
        other -> {
          int pos = ASTHelpers.getStartPosition(other);
          return other != call
              && pos > after
              && pos < before
              && ASTHelpers.getSymbol(other) == method;
        });
  }

  private static boolean callsGuard(Tree condition, Symbol target, List<String> guards) {
    return anyCallOn(
        condition,
        target,
        call -> isGuardName(ASTHelpers.getSymbol(call).getSimpleName().toString(), guards));
  }

  /** Whether {@code tree} contains a call on {@code target} that {@code matches} accepts. */
  private static boolean anyCallOn(
      Tree tree, Symbol target, Predicate<MethodInvocationTree> matches) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            ExpressionTree receiver = ASTHelpers.getReceiver(call);
            if (receiver != null
                && ASTHelpers.getSymbol(call) != null
                && ASTHelpers.getSymbol(receiver) == target
                && matches.test(call)) {
              return true;
            }
            return super.visitMethodInvocation(call, unused);
          }

          @Override
          public Boolean reduce(@Nullable Boolean a, @Nullable Boolean b) {
            return (a != null && a) || (b != null && b);
          }
        }.scan(tree, null);
    return found != null && found;
  }

  /**
   * Whether the exception {@code thrown} of the call or constructor {@code n} is caught by a {@code
   * catch} of an enclosing {@code try} in the same unit.
   */
  static boolean isCaughtLocally(Node n, @Nullable Type thrown, VisitorState state) {
    TreePath path =
        n instanceof MethodInvocationNode call
            ? call.getTreePath()
            : n.getTree() == null ? null : TreePath.getPath(state.getPath(), n.getTree());
    if (thrown == null || path == null) {
      return false;
    }
    return Handlers.isCaught(thrown, path, state);
  }

  private static boolean isGuardName(String name, List<String> guards) {
    for (String g : guards) {
      if (name.startsWith(g)) {
        return true;
      }
    }
    return false;
  }
}
