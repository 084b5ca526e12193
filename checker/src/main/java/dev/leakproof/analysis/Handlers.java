package dev.leakproof.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import java.util.List;

/** Where an exception thrown at some point of a unit is handled, as far as the source shows. */
public final class Handlers {
  private Handlers() {}

  /** Whether a {@code catch} of a {@code try} around {@code path}, in the same unit, catches it. */
  public static boolean isCaught(Type exception, TreePath path, VisitorState state) {
    return handled(exception, path, state, false);
  }

  /** Whether it is caught as above, or declared in the {@code throws} of the enclosing method. */
  public static boolean isCaughtOrDeclared(Type exception, TreePath path, VisitorState state) {
    return handled(exception, path, state, true);
  }

  private static boolean handled(
      Type exception, TreePath path, VisitorState state, boolean declaredCounts) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof TryTree tryTree && tryTree.getBlock() == child) {
        for (CatchTree c : tryTree.getCatches()) {
          Tree caught = c.getParameter().getType();
          List<? extends Tree> alternatives =
              caught instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(caught);
          for (Tree alternative : alternatives) {
            if (covers(alternative, exception, state)) {
              return true;
            }
          }
        }
      }
      if (t instanceof LambdaExpressionTree lambda) {
        // What the functional interface's method declares: Callable.call() throws Exception.
        if (declaredCounts && ASTHelpers.getType(lambda) instanceof Type target) {
          try {
            for (Type thrown : state.getTypes().findDescriptorType(target).getThrownTypes()) {
              if (ASTHelpers.isSubtype(exception, thrown, state)) {
                return true;
              }
            }
          } catch (RuntimeException e) {
            return false; // not a functional interface after all (code that does not compile)
          }
        }
        return false;
      }
      if (t instanceof ClassTree) {
        return false;
      }
      if (t instanceof MethodTree m) {
        if (declaredCounts) {
          for (ExpressionTree thrown : m.getThrows()) {
            if (covers(thrown, exception, state)) {
              return true;
            }
          }
        }
        return false;
      }
      child = t;
    }
    return false;
  }

  private static boolean covers(Tree typeTree, Type exception, VisitorState state) {
    Type t = ASTHelpers.getType(typeTree);
    return t != null && ASTHelpers.isSubtype(exception, t, state);
  }
}
