package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;

/**
 * On some path to the current program point, {@link #obligation} is still open and can be reached
 * through exactly {@link #aliases}.
 *
 * <p>A fact with no aliases is lost: nothing can release it any more. {@link #exceptional} is true
 * once the path has left a call through a followed exception edge, which is what separates a {@code
 * ResourceLeakOnException} from a {@code ResourceLeak}. {@link #parents} are the open resources
 * whose release also releases this one (a JDBC statement's connection).
 *
 * <p>A {@link #dormant} fact is of an object that holds nothing yet (made by a constructor of a
 * {@code resource-after} type): it is tracked like any other, so that every alias is known, but it
 * is never a leak. The call that gives the object something to hold, on any alias, wakes it.
 */
record Fact(
    Obligation obligation,
    ImmutableSet<AliasKey> aliases,
    boolean exceptional,
    ImmutableSet<Obligation> parents,
    boolean dormant) {

  Fact(
      Obligation obligation,
      ImmutableSet<AliasKey> aliases,
      boolean exceptional,
      ImmutableSet<Obligation> parents) {
    this(obligation, aliases, exceptional, parents, false);
  }

  Fact withAliases(ImmutableSet<AliasKey> newAliases) {
    return new Fact(obligation, newAliases, exceptional, parents, dormant);
  }

  Fact asExceptional() {
    return exceptional ? this : new Fact(obligation, aliases, true, parents, dormant);
  }

  /** The fact of the same object once it holds something that must be released. */
  Fact awake() {
    return dormant ? new Fact(obligation, aliases, exceptional, parents, false) : this;
  }
}
