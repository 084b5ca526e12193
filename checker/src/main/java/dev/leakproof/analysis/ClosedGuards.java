package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ThisNode;
import org.jspecify.annotations.Nullable;

/**
 * Tests of whether the object itself is already closed, the guard that makes a lifecycle method
 * idempotent: {@code if (!closed) { closed = true; in.close(); }}, {@code if (isClosed()) return;},
 * {@code if (closing.compareAndSet(false, true)) channel.close();}. On the branch where the test
 * says the object was closed before, a previous call released what its owned fields hold, so they
 * are no longer open there.
 *
 * <p>A guard is one of: a boolean field of {@code this} that the same method sets to {@code true};
 * a call of a parameterless {@code isClosed()} on {@code this} or on one of its fields; an {@code
 * AtomicBoolean} field of {@code this} switched on by {@code compareAndSet(false, true)} or {@code
 * getAndSet(true)}. This under-approximates nothing the other way: a method with no guard is
 * analysed as before.
 */
final class ClosedGuards {
  private ClosedGuards() {}

  private static final String ATOMIC_BOOLEAN = "java.util.concurrent.atomic.AtomicBoolean";

  /** The boolean fields of {@code this} that {@code body} sets to {@code true}. */
  static Set<VariableElement> flagsSetTrue(Tree body) {
    Set<VariableElement> flags = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        if (a.getExpression() instanceof LiteralTree l
            && Boolean.TRUE.equals(l.getValue())
            && ASTHelpers.getSymbol(a.getVariable()) instanceof VariableElement v
            && v.getKind() == ElementKind.FIELD
            && !v.getModifiers().contains(Modifier.STATIC)
            && v.asType().getKind() == TypeKind.BOOLEAN) {
          flags.add(v);
        }
        return super.visitAssignment(a, unused);
      }

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        return null; // another object's flags
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
        return null; // runs later, if at all
      }
    }.scan(body, null);
    return flags;
  }

  /**
   * The value of {@code n} that says the object is already closed, or null when {@code n} is no
   * such test.
   */
  static @Nullable Boolean closedWhen(Node n, UnitContext ctx) {
    if (n instanceof FieldAccessNode f) {
      return f.getReceiver() instanceof ThisNode && ctx.closedFlags.contains(f.getElement())
          ? Boolean.TRUE
          : null;
    }
    if (!(n instanceof MethodInvocationNode call) || call.getTarget().isStatic()) {
      return null;
    }
    Node receiver = call.getTarget().getReceiver();
    String name = call.getTarget().getMethod().getSimpleName().toString();
    List<Node> args = call.getArguments();
    boolean ownState =
        receiver instanceof ThisNode
            || (receiver instanceof FieldAccessNode f && f.getReceiver() instanceof ThisNode);
    if (!ownState) {
      return null;
    }
    if (name.equals("isClosed") && args.isEmpty() && n.getType().getKind() == TypeKind.BOOLEAN) {
      return Boolean.TRUE;
    }
    if (!(receiver instanceof FieldAccessNode)
        || !(((Symbol) call.getTarget().getMethod())
            .owner
            .getQualifiedName()
            .contentEquals(ATOMIC_BOOLEAN))) {
      return null;
    }
    if (name.equals("compareAndSet")
        && args.size() == 2
        && isLiteral(args.get(0), false)
        && isLiteral(args.get(1), true)) {
      return Boolean.FALSE; // it was already true
    }
    if (name.equals("getAndSet") && args.size() == 1 && isLiteral(args.get(0), true)) {
      return Boolean.TRUE;
    }
    return null;
  }

  private static boolean isLiteral(Node n, boolean value) {
    return n instanceof BooleanLiteralNode b && b.getValue() == value;
  }
}
