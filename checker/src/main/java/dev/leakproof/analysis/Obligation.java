package dev.leakproof.analysis;

import com.sun.source.tree.Tree;

/**
 * One resource that the analysed unit must release: acquired in the unit (its acquisition
 * expression is {@link #site}), handed in as a parameter ({@link #site} is the parameter's
 * declaration and {@link #parameterIndex} its position), or held by an owned field of {@code this}
 * when the method starts ({@link #site} is the field's declaration).
 *
 * <p>Parameter obligations are reported only for {@code @Owning} parameters; the others exist so
 * that one analysis of a method also tells its callers whether it releases, stores or returns what
 * they pass in. Field obligations are reported by {@code UnclosedResourceField}: left open by a
 * release method such as {@code close()}, or lost when the field is overwritten.
 */
record Obligation(Tree site, int parameterIndex, boolean field) {

  static Obligation acquiredAt(Tree site) {
    return new Obligation(site, -1, false);
  }

  static Obligation parameter(Tree declaration, int index) {
    return new Obligation(declaration, index, false);
  }

  static Obligation field(Tree declaration) {
    return new Obligation(declaration, -1, true);
  }

  boolean isParameter() {
    return parameterIndex >= 0;
  }

  /** Held by the object rather than acquired here: a parameter or an owned field. */
  boolean isInherited() {
    return parameterIndex >= 0 || field;
  }
}
