package dev.leakproof.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * What {@code super.close()} releases besides what the superclass's summary (if any) says: the
 * owned fields that the class's overrides of superclass methods return. This is the template-method
 * decorator ({@code ThresholdingOutputStream.close()} closes {@code getStream()}, which a subclass
 * overrides to return the stream it opened). Over-approximates what is released: the superclass is
 * assumed to close what it can reach through an overridden getter.
 */
final class InheritedRelease {
  private InheritedRelease() {}

  static Set<VariableElement> fieldsReturnedByOverrides(
      ClassTree cls, Set<VariableElement> owned, VisitorState state) {
    Set<VariableElement> out = new HashSet<>();
    for (Tree member : cls.getMembers()) {
      if (!(member instanceof MethodTree m)
          || m.getBody() == null
          || !m.getParameters().isEmpty()
          || !(ASTHelpers.getSymbol(m) instanceof MethodSymbol sym)
          || sym.isStatic()
          || ASTHelpers.findSuperMethods(sym, state.getTypes()).isEmpty()) {
        continue;
      }
      new UnitScanner() {
        @Override
        public Void visitReturn(ReturnTree r, Void unused) {
          if (r.getExpression() != null
              && ASTHelpers.getSymbol(r.getExpression()) instanceof VariableElement v
              && owned.contains(v)) {
            out.add(v);
          }
          return null;
        }
      }.scan(m.getBody(), null);
    }
    return out;
  }
}
