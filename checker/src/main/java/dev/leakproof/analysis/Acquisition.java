package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;
import java.util.List;

/** What evaluating a constructor or call adds to the open resources. */
sealed interface Acquisition {

  /** The value is not a resource this unit must release. */
  record None() implements Acquisition {}

  /**
   * The value is a new resource. When {@code parents} is not empty, releasing any of them also
   * releases it (a statement of an owned connection). A {@code dormant} one holds nothing until a
   * {@code resource-after} call on it (see {@link Fact#dormant}).
   */
  record Fresh(ImmutableSet<Obligation> parents, boolean dormant) implements Acquisition {
    Fresh(ImmutableSet<Obligation> parents) {
      this(parents, false);
    }
  }

  /**
   * The value wraps or exposes resources that are already open, reachable through {@code keys}: it
   * joins their obligations, and releasing it releases them.
   */
  record Joins(List<AliasKey> keys) implements Acquisition {}

  Acquisition NONE = new None();
  Acquisition FRESH = new Fresh(ImmutableSet.of());
  Acquisition DORMANT = new Fresh(ImmutableSet.of(), true);
}
