package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.leakproof.model.ResolvedModel;
import dev.leakproof.model.ResolvedModel.Role;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;

/**
 * Finds the local variables of an enclosing method that a lambda or anonymous class body releases:
 * {@code () -> in.close()}, {@code () -> closeQuietly(in)}, {@code () -> { try (in) {...} }},
 * {@code () -> handleAndClose(in)} with a helper of the same unit that closes its argument.
 * Creating such a body hands the release over to it, as {@code Stream.onClose} and cleanup
 * callbacks do.
 */
final class CaptureScanner extends TreeScanner<Void, Void> {
  private final UnitContext ctx;
  private final ResolvedModel model;
  private final Set<VariableElement> declaredInside = new HashSet<>();
  private final Set<VariableElement> released = new HashSet<>();

  private CaptureScanner(UnitContext ctx) {
    this.ctx = ctx;
    this.model = ctx.model;
  }

  static Set<VariableElement> releasedCaptures(Tree body, UnitContext ctx) {
    CaptureScanner scanner = new CaptureScanner(ctx);
    scanner.scan(body, null);
    scanner.released.removeAll(scanner.declaredInside);
    return scanner.released;
  }

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    if (ASTHelpers.getSymbol(tree) instanceof VariableElement v) {
      declaredInside.add(v);
    }
    return super.visitVariable(tree, unused);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    if (ASTHelpers.getSymbol(tree) instanceof MethodSymbol method) {
      ExpressionTree receiver = ASTHelpers.getReceiver(tree);
      Role role = model.roleOf(method, receiver == null ? null : ASTHelpers.getType(receiver));
      if (role == Role.RELEASE && receiver != null) {
        addLocal(receiver);
      } else if (role == Role.CLOSER || role == Role.TAKES_OWNERSHIP || model.isCloser(method)) {
        tree.getArguments().forEach(this::addLocal);
      } else {
        // A helper of the same unit that closes what it is given: () -> handleAndClose(client)
        Summary summary = ctx.summaryOf(method);
        for (int i = 0; summary != null && i < tree.getArguments().size(); i++) {
          if (summary.releasesNormally(i)) {
            addLocal(tree.getArguments().get(i));
          }
        }
      }
    }
    return super.visitMethodInvocation(tree, unused);
  }

  @Override
  public Void visitTry(TryTree tree, Void unused) {
    for (Tree resource : tree.getResources()) {
      if (resource instanceof ExpressionTree e) {
        addLocal(e);
      }
    }
    return super.visitTry(tree, unused);
  }

  private void addLocal(Tree tree) {
    if (tree instanceof IdentifierTree
        && ASTHelpers.getSymbol(tree) instanceof Symbol sym
        && sym instanceof VariableElement v
        && (sym.getKind() == ElementKind.LOCAL_VARIABLE
            || sym.getKind() == ElementKind.PARAMETER
            || sym.getKind() == ElementKind.RESOURCE_VARIABLE)) {
      released.add(v);
    }
  }
}
