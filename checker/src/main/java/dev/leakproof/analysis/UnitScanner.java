package dev.leakproof.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreeScanner;

/**
 * A scan of one unit's own code. Nested classes and lambdas are units of their own (they run later,
 * if at all, and their fields and flags are another object's), so it does not enter them.
 */
abstract class UnitScanner extends TreeScanner<Void, Void> {
  @Override
  public Void visitClass(ClassTree nested, Void unused) {
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
    return null;
  }
}
