package dev.leakproof.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.model.ResolvedModel;
import java.util.ArrayList;
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
 *
 * <p>A test that users remain, {@code if (!sessions.isEmpty()) return;}, is treated the same way
 * when the class shows that the last user closes the object (see {@link #lastUserSets}): on that
 * branch the release is deferred to the last user, not skipped.
 */
final class ClosedGuards {
  private ClosedGuards() {}

  private static final String ATOMIC_BOOLEAN = "java.util.concurrent.atomic.AtomicBoolean";

  /** The boolean fields of {@code this} that {@code body} sets to {@code true}. */
  static Set<VariableElement> flagsSetTrue(Tree body) {
    Set<VariableElement> flags = new HashSet<>();
    new UnitScanner() {
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
    }.scan(body, null);
    return flags;
  }

  /**
   * The collection fields of {@code this} that hold the object's users and whose last user closes
   * it: {@code body} (a lifecycle method, or one that sets a closed flag) tests {@code
   * users.isEmpty()}, and a method of {@code cls} calls a lifecycle method of this object inside
   * {@code if (users.isEmpty())} (a session that leaves the last closes the database). While users
   * remain, close() rightly does nothing: the last one to leave releases the fields.
   */
  static Set<VariableElement> lastUserSets(
      Tree body, ClassTree cls, ResolvedModel model, VisitorState state) {
    Set<VariableElement> tested = new HashSet<>();
    new UnitScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        VariableElement users = emptinessTested(call);
        if (users != null
            && (isA(users, "java.util.Collection", state) || isA(users, "java.util.Map", state))) {
          tested.add(users);
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(body, null);
    if (tested.isEmpty()) {
      return Set.of();
    }
    Set<VariableElement> closedByLastUser = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIf(IfTree tree, Void unused) {
        for (ExpressionTree conjunct : conjuncts(tree.getCondition())) {
          if (conjunct instanceof MethodInvocationTree call
              && emptinessTested(call) instanceof VariableElement users
              && tested.contains(users)
              && callsLifecycleMethod(tree.getThenStatement(), model)) {
            closedByLastUser.add(users);
          }
        }
        return super.visitIf(tree, unused);
      }

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        return c == cls ? super.visitClass(c, unused) : null;
      }
    }.scan(cls, null);
    return closedByLastUser;
  }

  private static boolean isA(VariableElement field, String type, VisitorState state) {
    Type t = state.getTypeFromString(type);
    return t != null
        && state
            .getTypes()
            .isSubtype(
                state.getTypes().erasure((Type) field.asType()), state.getTypes().erasure(t));
  }

  /** The field of {@code this} in {@code call}, when it is {@code field.isEmpty()}. */
  private static @Nullable VariableElement emptinessTested(MethodInvocationTree call) {
    if (call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("isEmpty")) {
      ExpressionTree receiver = ASTHelpers.stripParentheses(select.getExpression());
      if (OwnedFields.isThisField(receiver)
          && ASTHelpers.getSymbol(receiver) instanceof VariableElement v
          && v.getKind() == ElementKind.FIELD
          && !v.getModifiers().contains(Modifier.STATIC)) {
        return v;
      }
    }
    return null;
  }

  /** The operands of a chain of {@code &&}, or the expression itself. */
  private static List<ExpressionTree> conjuncts(ExpressionTree condition) {
    ExpressionTree e = ASTHelpers.stripParentheses(condition);
    if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.CONDITIONAL_AND) {
      List<ExpressionTree> out = new ArrayList<>(conjuncts(b.getLeftOperand()));
      out.addAll(conjuncts(b.getRightOperand()));
      return out;
    }
    return List.of(e);
  }

  /** Whether {@code statement} calls a lifecycle method on this object ({@code close()}). */
  private static boolean callsLifecycleMethod(Tree statement, ResolvedModel model) {
    boolean[] found = {false};
    new UnitScanner() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if ((receiver == null
                || (receiver instanceof IdentifierTree id && id.getName().contentEquals("this")))
            && ASTHelpers.getSymbol(call) instanceof MethodSymbol m
            && !m.isStatic()
            && model.isLifecycleMethod(m)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(statement, null);
    return found[0];
  }

  /**
   * The value of {@code n} that says the object is already closed (or, for a set of users whose
   * last one closes it, still in use), or null when {@code n} is no such test.
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
    if (name.equals("isEmpty")
        && args.isEmpty()
        && receiver instanceof FieldAccessNode f
        && ctx.lastUserSets.contains(f.getElement())) {
      return Boolean.FALSE; // users remain, and the last one closes the object
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
