package dev.leakproof.analysis;

import com.sun.source.tree.Tree;
import javax.lang.model.element.VariableElement;

/**
 * A name through which the method can still reach a resource: a local variable, or the value of an
 * expression that has been evaluated and not yet consumed.
 *
 * <p>Both kinds compare by identity of the underlying javac object, so two occurrences of the same
 * expression text are different temporaries, and a temporary re-evaluated in a loop is the same key
 * (its old value is forgotten when it is evaluated again).
 */
sealed interface AliasKey {

  /** A local variable, parameter, or a variable the CFG builder made up (ternary results). */
  record Var(VariableElement element) implements AliasKey {
    @Override
    public String toString() {
      return element.getSimpleName().toString();
    }
  }

  /** The value of one expression tree. */
  record Temp(Tree tree) implements AliasKey {
    @Override
    public String toString() {
      return "tmp@" + System.identityHashCode(tree);
    }
  }
}
