package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Ownership flags: a boolean field that records whether the object made what an owned field holds,
 * so that {@code close()} releases the field only then: {@code if (ownsCache && cache != null)
 * cache.close();}. Where the flag is false, the field holds what a caller gave (or nothing), which
 * is not this object's to release.
 *
 * <p>A flag {@code f} guards field {@code x} when the class shows it syntactically: every {@code f
 * = true} follows an assignment to {@code x} in the same block, every other assignment to {@code f}
 * is {@code false}, and every assignment to {@code x} that the flag does not follow gives it null
 * or a parameter (what a caller handed in). Anything else, and the flag is no ownership flag.
 */
final class OwnershipFlags {
  private OwnershipFlags() {}

  /** The ownership flags of {@code cls}, each with the owned field it guards. */
  static Map<VariableElement, VariableElement> of(ClassTree cls, Set<VariableElement> owned) {
    Set<VariableElement> candidates = new HashSet<>();
    Set<VariableElement> openedAtDeclaration = new HashSet<>();
    for (Tree member : cls.getMembers()) {
      if (member instanceof VariableTree v
          && ASTHelpers.getSymbol(v) instanceof VariableElement x
          && owned.contains(x)
          && v.getInitializer() != null
          && !(v.getInitializer() instanceof LiteralTree l && l.getValue() == null)) {
        openedAtDeclaration.add(x);
      }
      if (member instanceof VariableTree v
          && ASTHelpers.getSymbol(v) instanceof VariableElement f
          && f.getKind() == ElementKind.FIELD
          && !f.getModifiers().contains(Modifier.STATIC)
          && f.asType().getKind() == TypeKind.BOOLEAN
          && (v.getInitializer() == null || isLiteral(v.getInitializer(), false))) {
        candidates.add(f);
      }
    }
    if (candidates.isEmpty() || owned.isEmpty()) {
      return Map.of();
    }
    Map<VariableElement, VariableElement> guarded = new HashMap<>();
    Set<VariableElement> rejected = new HashSet<>();
    // Assignments to a field paired with a flag set right after: `x = make(); f = true;`.
    Set<AssignmentTree> paired = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        List<? extends StatementTree> statements = block.getStatements();
        for (int i = 0; i < statements.size(); i++) {
          AssignmentTree setTrue = assignment(statements.get(i));
          VariableElement flag = setTrue == null ? null : fieldOfThis(setTrue.getVariable());
          if (flag == null
              || !candidates.contains(flag)
              || !isLiteral(setTrue.getExpression(), true)) {
            continue;
          }
          AssignmentTree made = null;
          VariableElement field = null;
          for (int j = i - 1; j >= 0 && field == null; j--) {
            AssignmentTree a = assignment(statements.get(j));
            VariableElement target = a == null ? null : fieldOfThis(a.getVariable());
            if (target != null && owned.contains(target)) {
              made = a;
              field = target;
            }
          }
          paired.add(setTrue);
          if (field == null || (guarded.containsKey(flag) && !guarded.get(flag).equals(field))) {
            rejected.add(flag);
          } else {
            guarded.put(flag, field);
            paired.add(made);
          }
        }
        return super.visitBlock(block, unused);
      }
    }.scan(cls, null);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        VariableElement target = fieldOfThis(a.getVariable());
        if (target != null && candidates.contains(target)) {
          if (!paired.contains(a) && !isLiteral(a.getExpression(), false)) {
            rejected.add(target); // set from anything else: not a plain ownership record
          }
        } else if (target != null
            && guarded.containsValue(target)
            && !paired.contains(a)
            && !(a.getExpression() instanceof LiteralTree l && l.getValue() == null)
            && !isParameter(a.getExpression())) {
          // The field gets something the flag does not mark: the flag says nothing about it.
          guarded.entrySet().removeIf(e -> e.getValue().equals(target));
        }
        return super.visitAssignment(a, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
        VariableElement target = fieldOfThis(a.getVariable());
        if (target != null) {
          rejected.add(target);
        }
        return super.visitCompoundAssignment(a, unused);
      }
    }.scan(cls, null);
    guarded.keySet().removeAll(rejected);
    guarded.values().removeAll(openedAtDeclaration);
    return guarded;
  }

  private static @Nullable AssignmentTree assignment(StatementTree statement) {
    return statement instanceof ExpressionStatementTree e
            && e.getExpression() instanceof AssignmentTree a
        ? a
        : null;
  }

  /** The field of {@code this} that {@code tree} names ({@code f} or {@code this.f}), or null. */
  private static @Nullable VariableElement fieldOfThis(ExpressionTree tree) {
    return OwnedFields.isThisField(tree)
            && ASTHelpers.getSymbol(tree) instanceof VariableElement v
            && v.getKind() == ElementKind.FIELD
        ? v
        : null;
  }

  private static boolean isParameter(ExpressionTree tree) {
    return tree instanceof IdentifierTree
        && ASTHelpers.getSymbol(tree) instanceof VariableElement v
        && v.getKind() == ElementKind.PARAMETER;
  }

  private static boolean isLiteral(ExpressionTree tree, boolean value) {
    return tree instanceof LiteralTree l && Boolean.valueOf(value).equals(l.getValue());
  }
}
