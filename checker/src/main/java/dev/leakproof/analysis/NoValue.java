package dev.leakproof.analysis;

import org.checkerframework.errorprone.dataflow.analysis.AbstractValue;

/** The analysis tracks only its store; expressions carry no abstract value. */
enum NoValue implements AbstractValue<NoValue> {
  INSTANCE;

  @Override
  public NoValue leastUpperBound(NoValue other) {
    return INSTANCE;
  }
}
