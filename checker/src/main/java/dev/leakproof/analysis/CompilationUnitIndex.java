package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Types;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The methods declared in one compilation unit, for summaries of same-unit callees. */
final class CompilationUnitIndex {
  private final Map<MethodSymbol, TreePath> methods = new HashMap<>();
  private final Map<MethodSymbol, Boolean> overridden = new HashMap<>();

  CompilationUnitIndex(CompilationUnitTree unit) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) instanceof MethodSymbol m) {
          methods.put(m, getCurrentPath());
        }
        return super.visitMethod(tree, unused);
      }
    }.scan(unit, null);
  }

  /** The declaration of {@code method}, if it is in this unit and has a body. */
  @Nullable TreePath pathOf(MethodSymbol method) {
    TreePath path = methods.get(method);
    return path != null && ((MethodTree) path.getLeaf()).getBody() != null ? path : null;
  }

  /**
   * Whether another method of this unit overrides {@code method}; then a call may run either body
   * and no summary is used.
   */
  boolean isOverriddenHere(MethodSymbol method, Types types) {
    return overridden.computeIfAbsent(
        method,
        m -> {
          for (MethodSymbol other : methods.keySet()) {
            if (other != m
                && other.name == m.name
                && other.owner instanceof TypeSymbol owner
                && other.overrides(m, owner, types, true)) {
              return true;
            }
          }
          return false;
        });
  }
}
