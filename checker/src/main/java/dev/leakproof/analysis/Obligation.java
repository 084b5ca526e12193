package dev.leakproof.analysis;

import com.sun.source.tree.Tree;

/**
 * One resource that the analysed unit must release: either acquired in the unit (its acquisition
 * expression is {@link #site}), or handed in as a parameter (then {@link #site} is the parameter's
 * declaration and {@link #parameterIndex} its position).
 *
 * <p>Parameter obligations are never reported; they exist so that one analysis of a method also
 * tells its callers whether it releases, stores or returns what they pass in.
 */
record Obligation(Tree site, int parameterIndex) {

  static Obligation acquiredAt(Tree site) {
    return new Obligation(site, -1);
  }

  static Obligation parameter(Tree declaration, int index) {
    return new Obligation(declaration, index);
  }

  boolean isParameter() {
    return parameterIndex >= 0;
  }
}
