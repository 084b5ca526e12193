package dev.leakproof.fix;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.leakproof.analysis.Leak;
import org.jspecify.annotations.Nullable;

/** Finds the statement that stores a leaked resource, or the wrapper around it, into a variable. */
public final class Holders {
  private Holders() {}

  /**
   * Where the acquisition, or the chain of wrappers around it, is stored: the variable declaration
   * or assignment, with the path to it; null if the value goes anywhere else first.
   *
   * @param path the path to the declaration ({@link VariableTree}) or assignment ({@link
   *     AssignmentTree})
   * @param variable the variable written
   * @param value the expression stored (the acquisition or its outermost wrapper)
   */
  public record Holder(TreePath path, Symbol variable, Tree value) {}

  public static @Nullable Holder of(Leak leak, TreePath unitPath) {
    TreePath path = TreePath.getPath(unitPath, leak.site());
    if (path == null) {
      return null;
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof VariableTree v && v.getInitializer() == child) {
        Symbol sym = ASTHelpers.getSymbol(v);
        return sym != null && leak.variables().contains(sym) ? new Holder(p, sym, child) : null;
      }
      if (t instanceof AssignmentTree a && a.getExpression() == child) {
        Symbol sym = ASTHelpers.getSymbol(a.getVariable());
        return sym != null && leak.variables().contains(sym) ? new Holder(p, sym, child) : null;
      }
      if (t instanceof MemberSelectTree
          && p.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == t
          && leak.temporaries().contains(call)) {
        continue; // raf.getChannel(): the receiver's value passes to the call's
      }
      boolean passesValueUp =
          t instanceof ParenthesizedTree
              || t instanceof TypeCastTree
              || t instanceof ConditionalExpressionTree
              || (t instanceof CaseTree c
                  && c.getCaseKind() == CaseTree.CaseKind.RULE
                  && c.getBody() == child)
              || t instanceof SwitchExpressionTree
              || (t instanceof NewClassTree || t instanceof MethodInvocationTree)
                  && leak.temporaries().contains(t);
      if (!passesValueUp) {
        return null;
      }
      child = t;
    }
    return null;
  }
}
