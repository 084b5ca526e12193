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
 */
record Fact(
    Obligation obligation,
    ImmutableSet<AliasKey> aliases,
    boolean exceptional,
    ImmutableSet<Obligation> parents) {

  Fact withAliases(ImmutableSet<AliasKey> newAliases) {
    return new Fact(obligation, newAliases, exceptional, parents);
  }

  Fact asExceptional() {
    return exceptional ? this : new Fact(obligation, aliases, true, parents);
  }
}
