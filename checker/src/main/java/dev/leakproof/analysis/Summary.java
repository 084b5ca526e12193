package dev.leakproof.analysis;

import java.util.BitSet;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * What a method in the same compilation unit does with the resources passed to it and with its
 * result, as seen by its callers. Computed by analysing the callee once, with each resource
 * parameter as an obligation of its own.
 *
 * <p>"Releases" means closed, handed to an owner (a field, a collection, another closer) or void on
 * a null check, on every path that reaches the exit in question. A constructor that stores a
 * parameter in a field of the new object "stores" it: the caller's new object then holds it. A
 * method of a class that owns resources in fields may release some of them ({@code close()} calling
 * a private {@code closeStreams()}).
 *
 * <p>A method may also make a parameter that held nothing a resource (a {@code resource-after} call
 * on it, on some path: {@link #wakesParameter}), or return an object it made that holds nothing yet
 * ({@link #returnsDormant}, when it returns no other fresh resource).
 */
record Summary(
    BitSet releasesOnNormalExit,
    BitSet releasesOnExceptionalExit,
    BitSet returnsParameter,
    BitSet storesParameter,
    boolean returnsFresh,
    Set<VariableElement> releasesFields,
    BitSet wakesParameter,
    boolean returnsDormant) {

  static final Summary NOTHING =
      new Summary(
          new BitSet(),
          new BitSet(),
          new BitSet(),
          new BitSet(),
          false,
          Set.of(),
          new BitSet(),
          false);

  boolean wakes(int param) {
    return wakesParameter.get(param);
  }

  boolean stores(int param) {
    return storesParameter.get(param);
  }

  boolean releasesNormally(int param) {
    return releasesOnNormalExit.get(param);
  }

  boolean releasesOnException(int param) {
    return releasesOnExceptionalExit.get(param);
  }

  boolean returns(int param) {
    return returnsParameter.get(param);
  }
}
