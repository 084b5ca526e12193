package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import org.jspecify.annotations.Nullable;

/**
 * Null tests of an owned field that say whether a close method ran before, the second kind of
 * closed test next to {@link ClosedGuards}: {@code if (session != null) { lob.close();
 * session.close(); session = null; }}, with both fields set in the constructor. Where the test
 * finds the field null, the owned fields that nothing opens again after construction are released.
 * The conditions are syntactic and narrow (see {@link #nullMeansClosed}); a test that meets none of
 * them is analysed as any null test.
 */
final class SiblingNullGuards {
  private SiblingNullGuards() {}

  /**
   * Null tests of owned fields that tell whether the method at {@code methodPath} (a close method
   * or a helper it calls) ran before: {@code if (session != null) { lob.close(); session.close();
   * session = null; }}. For each such field, the source position before which its tests count (the
   * first {@code session = null}).
   *
   * <p>A field {@code x} of the method's class qualifies when it is private, every constructor of
   * the class sets it to a new object or a call's result on every path that completes (or its
   * declaration does), and every other assignment to it is {@code x = null} in this method itself,
   * outside any loop and inside the branch of an {@code if} on which {@code x != null}. Then {@code
   * x} is null at a test placed before those assignments only if an earlier call of the method set
   * it to null on a path where {@code x} was not null. On that path the analysis itself shows which
   * owned fields a call that returns has released; those that nothing opens again ({@link
   * #notReopened}) are still released. A call that throws halfway may leave them open, as for any
   * lifecycle method, whose normal paths are what counts.
   */
  static Map<VariableElement, Integer> nullMeansClosed(
      TreePath methodPath, Set<VariableElement> owned) {
    if (!(methodPath.getLeaf() instanceof MethodTree method)
        || !(ASTHelpers.getSymbol(method) instanceof MethodSymbol sym)
        || sym.isConstructor()
        || sym.isStatic()
        || method.getBody() == null) {
      return Map.of();
    }
    ClassTree top = outermostClass(methodPath);
    Map<VariableElement, Integer> out = new HashMap<>();
    for (VariableElement x : owned) {
      if (!x.getModifiers().contains(Modifier.PRIVATE)
          || !(x.getEnclosingElement() instanceof Symbol.ClassSymbol owner)
          || sym.owner != owner) {
        continue;
      }
      ClassTree cls = declaringClass(top, owner);
      Integer before = cls == null ? null : firstNullingInGuard(methodPath, x);
      if (before != null && setAtConstruction(cls, x) && onlyNulledIn(top, method, x)) {
        out.put(x, before);
      }
    }
    return out;
  }

  /**
   * The owned fields that nothing opens again once the object is built: every assignment to them
   * outside constructors and initializers is {@code = null}. Where a null test of {@link
   * #nullMeansClosed} says an earlier close ran, these are released.
   */
  static Set<VariableElement> notReopened(TreePath methodPath, Set<VariableElement> owned) {
    Set<VariableElement> reopened = new HashSet<>();
    scanAssignments(
        outermostClass(methodPath),
        (v, a, where) -> {
          if (owned.contains(v)
              && a.getExpression().getKind() != Tree.Kind.NULL_LITERAL
              && !atConstruction(where, v)) {
            reopened.add(v);
          }
        });
    Set<VariableElement> out = new HashSet<>(owned);
    out.removeAll(reopened);
    return out;
  }

  /** What an assignment is found in: a class (its initializers), a method, or a lambda (null). */
  private interface AssignmentVisitor {
    void visit(VariableElement v, AssignmentTree a, @Nullable Symbol where);
  }

  private static void scanAssignments(ClassTree top, AssignmentVisitor visitor) {
    new TreeScanner<Void, Symbol>() {
      @Override
      public Void visitClass(ClassTree c, Symbol where) {
        return super.visitClass(c, ASTHelpers.getSymbol(c));
      }

      @Override
      public Void visitMethod(MethodTree m, Symbol where) {
        return super.visitMethod(m, ASTHelpers.getSymbol(m));
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Symbol where) {
        return super.visitLambdaExpression(l, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree a, Symbol where) {
        if (ASTHelpers.getSymbol(a.getVariable()) instanceof VariableElement v
            && v.getKind() == ElementKind.FIELD) {
          visitor.visit(v, a, where);
        }
        return super.visitAssignment(a, where);
      }
    }.scan(top, null);
  }

  /** Whether {@code where} runs while an object of the class declaring {@code v} is built. */
  private static boolean atConstruction(@Nullable Symbol where, VariableElement v) {
    Symbol owner = (Symbol) v.getEnclosingElement();
    return where == owner
        || (where instanceof MethodSymbol m && m.isConstructor() && m.owner == owner);
  }

  private static ClassTree outermostClass(TreePath path) {
    ClassTree top = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree c) {
        top = c;
      }
    }
    return top;
  }

  private static @Nullable ClassTree declaringClass(ClassTree top, Symbol.ClassSymbol owner) {
    ClassTree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree c, Void unused) {
        if (ASTHelpers.getSymbol(c) == owner) {
          found[0] = c;
        }
        return super.visitClass(c, unused);
      }
    }.scan(top, null);
    return found[0];
  }

  /**
   * The position of the first {@code x = null} in {@code method}, when every one of them is outside
   * loops, lambdas and local classes, inside the branch where a null test of {@code x} in an {@code
   * if} says it is not null; null otherwise (or when there is none).
   */
  private static @Nullable Integer firstNullingInGuard(TreePath methodPath, VariableElement x) {
    int[] first = {Integer.MAX_VALUE};
    boolean[] bad = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        if (ASTHelpers.getSymbol(a.getVariable()) == x) {
          if (a.getExpression().getKind() == Tree.Kind.NULL_LITERAL
              && OwnedFields.isThisField(a.getVariable())
              && guardedNotNull(x)) {
            first[0] = Math.min(first[0], ASTHelpers.getStartPosition(a));
          } else {
            bad[0] = true;
          }
        }
        return super.visitAssignment(a, unused);
      }

      private boolean guardedNotNull(VariableElement field) {
        Tree child = getCurrentPath().getLeaf();
        for (TreePath p = getCurrentPath().getParentPath(); p != null; p = p.getParentPath()) {
          Tree t = p.getLeaf();
          switch (t.getKind()) {
            case FOR_LOOP,
                ENHANCED_FOR_LOOP,
                WHILE_LOOP,
                DO_WHILE_LOOP,
                LAMBDA_EXPRESSION,
                CLASS -> {
              return false;
            }
            case METHOD -> {
              return false;
            }
            default -> {}
          }
          if (t instanceof IfTree i) {
            Boolean notNullBranch = nullTestOf(i.getCondition(), field);
            if (notNullBranch != null
                && child == (notNullBranch ? i.getThenStatement() : i.getElseStatement())) {
              return !enclosedByLoop(p);
            }
          }
          child = t;
        }
        return false;
      }
    }.scan(methodPath, null);
    return bad[0] || first[0] == Integer.MAX_VALUE ? null : first[0];
  }

  private static boolean enclosedByLoop(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      switch (p.getLeaf().getKind()) {
        case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP, LAMBDA_EXPRESSION, CLASS -> {
          return true;
        }
        case METHOD -> {
          return false;
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * For {@code x != null} (or {@code this.x != null}), true; for {@code x == null}, false: which
   * branch of the condition has {@code x} not null. Null for any other condition.
   */
  private static @Nullable Boolean nullTestOf(ExpressionTree condition, VariableElement x) {
    ExpressionTree e = ASTHelpers.stripParentheses(condition);
    if (!(e instanceof BinaryTree b)
        || (b.getKind() != Tree.Kind.NOT_EQUAL_TO && b.getKind() != Tree.Kind.EQUAL_TO)) {
      return null;
    }
    ExpressionTree other =
        b.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
            ? b.getRightOperand()
            : b.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL ? b.getLeftOperand() : null;
    if (other == null || ASTHelpers.getSymbol(other) != x || !OwnedFields.isThisField(other)) {
      return null;
    }
    return b.getKind() == Tree.Kind.NOT_EQUAL_TO;
  }

  /**
   * Whether the object is built with {@code x} set: its declaration sets it to a new object or a
   * call's result, or every constructor does on every path that completes (a {@code this(...)} call
   * leaves it to the other constructor).
   */
  private static boolean setAtConstruction(ClassTree cls, VariableElement x) {
    for (Tree member : cls.getMembers()) {
      if (member instanceof VariableTree v
          && ASTHelpers.getSymbol(v) == x
          && v.getInitializer() != null
          && isValue(v.getInitializer())) {
        return true;
      }
    }
    boolean anyConstructor = false;
    for (Tree member : cls.getMembers()) {
      if (member instanceof MethodTree m
          && ASTHelpers.getSymbol(m) instanceof MethodSymbol sym
          && sym.isConstructor()) {
        anyConstructor = true;
        if (m.getBody() == null
            || !(callsThis(m.getBody())
                || (!exitsEarly(m.getBody()) && setsOnEveryPath(m.getBody(), x)))) {
          return false;
        }
      }
    }
    return anyConstructor;
  }

  /**
   * Whether {@code body} has a {@code return} or {@code break} that could end it, or a block in it,
   * before the field is set.
   */
  private static boolean exitsEarly(BlockTree body) {
    boolean[] found = {false};
    new UnitScanner() {
      @Override
      public Void visitReturn(ReturnTree r, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree b, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  private static boolean isValue(ExpressionTree e) {
    ExpressionTree v = ASTHelpers.stripParentheses(e);
    return v instanceof NewClassTree || v instanceof MethodInvocationTree;
  }

  private static boolean callsThis(BlockTree body) {
    return !body.getStatements().isEmpty()
        && body.getStatements().get(0) instanceof ExpressionStatementTree s
        && s.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof IdentifierTree id
        && id.getName().contentEquals("this");
  }

  /**
   * Whether a statement of {@code block}, or of a block or try block nested in it whose handlers
   * all end in {@code throw}, sets {@code x} to a new object or a call's result.
   */
  private static boolean setsOnEveryPath(BlockTree block, VariableElement x) {
    for (StatementTree st : block.getStatements()) {
      if (st instanceof ExpressionStatementTree es
          && es.getExpression() instanceof AssignmentTree a
          && ASTHelpers.getSymbol(a.getVariable()) == x
          && isValue(a.getExpression())) {
        return true;
      }
      if (st instanceof BlockTree b && setsOnEveryPath(b, x)) {
        return true;
      }
      if (st instanceof TryTree t && allRethrow(t) && setsOnEveryPath(t.getBlock(), x)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allRethrow(TryTree t) {
    for (CatchTree c : t.getCatches()) {
      List<? extends StatementTree> body = c.getBlock().getStatements();
      if (body.isEmpty() || !(body.get(body.size() - 1) instanceof ThrowTree)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every assignment to {@code x} outside the constructors and initializers of its class is
   * in {@code method} itself.
   */
  private static boolean onlyNulledIn(ClassTree top, MethodTree method, VariableElement x) {
    MethodSymbol sym = ASTHelpers.getSymbol(method);
    boolean[] ok = {true};
    scanAssignments(
        top,
        (v, a, where) -> {
          if (v == x && where != sym && !atConstruction(where, v)) {
            ok[0] = false;
          }
        });
    return ok[0];
  }
}
