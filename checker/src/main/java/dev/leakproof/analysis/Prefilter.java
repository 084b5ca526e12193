package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.model.ResolvedModel;
import dev.leakproof.model.ResolvedModel.Role;
import java.util.Set;
import javax.lang.model.element.VariableElement;
import javax.tools.JavaFileObject;

/**
 * A syntactic pass that answers "could this unit acquire anything?" without building a CFG. Most
 * methods acquire nothing, and skipping them is what keeps the overhead near zero. It may answer
 * yes for code that turns out not to acquire (a reader over {@code System.in}); it never answers no
 * for code that does. Nested lambdas and classes are units of their own and are not looked at.
 */
final class Prefilter extends TreeScanner<Boolean, Void> {
  private final ResolvedModel model;
  private final JavaFileObject file;

  private Prefilter(ResolvedModel model, JavaFileObject file) {
    this.model = model;
    this.file = file;
  }

  static boolean mayAcquire(Tree body, ResolvedModel model, JavaFileObject file) {
    Boolean found = new Prefilter(model, file).scan(body, null);
    return found != null && found;
  }

  @Override
  public Boolean reduce(Boolean a, Boolean b) {
    return (a != null && a) || (b != null && b);
  }

  @Override
  public Boolean visitNewClass(NewClassTree tree, Void unused) {
    if (tree.getClassBody() == null && model.isCloseable(ASTHelpers.getType(tree))) {
      return true;
    }
    return super.visitNewClass(tree, unused);
  }

  @Override
  public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    Type result = ASTHelpers.getType(tree);
    if (model.isCloseable(result) && ASTHelpers.getSymbol(tree) instanceof MethodSymbol m) {
      Type receiver =
          ASTHelpers.getReceiver(tree) == null
              ? null
              : ASTHelpers.getType(ASTHelpers.getReceiver(tree));
      Role role = model.roleOf(m, receiver);
      if (role == Role.ACQUIRE
          || role == Role.CHILD
          || declaredInThisFile(m)
          || (!model.isNotResourceType(result) && model.isFactoryName(m.getSimpleName()))) {
        return true;
      }
    }
    return super.visitMethodInvocation(tree, unused);
  }

  /**
   * Whether {@code body} reads or writes one of {@code fields}: a release method of a class that
   * owns them must be analysed even though it acquires nothing.
   */
  static boolean mentions(Tree body, Set<VariableElement> fields) {
    if (fields.isEmpty()) {
      return false;
    }
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitIdentifier(IdentifierTree tree, Void unused) {
            return fields.contains(ASTHelpers.getSymbol(tree));
          }

          @Override
          public Boolean visitMemberSelect(MemberSelectTree tree, Void unused) {
            return fields.contains(ASTHelpers.getSymbol(tree))
                || Boolean.TRUE.equals(super.visitMemberSelect(tree, unused));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return (a != null && a) || (b != null && b);
          }
        }.scan(body, null);
    return found != null && found;
  }

  /** A method of this file may be a factory whose summary says so. */
  private boolean declaredInThisFile(MethodSymbol m) {
    Symbol.ClassSymbol outermost = m.outermostClass();
    return outermost != null && outermost.sourcefile == file;
  }

  @Override
  public Boolean visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    return false;
  }

  @Override
  public Boolean visitClass(ClassTree tree, Void unused) {
    return false;
  }
}
