package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.Tree;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/**
 * The dataflow store: every {@link Fact} that holds on some path to this point, each with the
 * witness of how its path leaks (if it does).
 *
 * <p>Immutable. The join is set union (a may-analysis: a resource open on any incoming path is
 * open), and facts that meet keep the earlier witness. Facts are finitely many for a method (one
 * per obligation and alias set), so the analysis terminates without widening.
 */
final class LeakStore implements Store<LeakStore> {
  static final LeakStore EMPTY = new LeakStore(Collections.emptyMap());

  private final Map<Fact, @Nullable Witness> facts;

  private LeakStore(Map<Fact, @Nullable Witness> facts) {
    this.facts = facts;
  }

  Set<Fact> facts() {
    return facts.keySet();
  }

  @Nullable Witness witness(Fact fact) {
    return facts.get(fact);
  }

  int size() {
    return facts.size();
  }

  boolean isEmpty() {
    return facts.isEmpty();
  }

  /** Whether some open resource can be reached through {@code key}. */
  boolean tracks(@Nullable AliasKey key) {
    if (key == null) {
      return false;
    }
    for (Fact f : facts.keySet()) {
      if (f.aliases().contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some resource acquired in this unit (not a parameter) can be reached via {@code key}. */
  boolean tracksOwned(@Nullable AliasKey key) {
    if (key == null) {
      return false;
    }
    for (Fact f : facts.keySet()) {
      if (f.aliases().contains(key) && !f.obligation().isParameter()) {
        return true;
      }
    }
    return false;
  }

  /** The obligations reachable through {@code key}. */
  Set<Obligation> obligationsOf(@Nullable AliasKey key) {
    Set<Obligation> result = new HashSet<>();
    if (key != null) {
      for (Fact f : facts.keySet()) {
        if (f.aliases().contains(key)) {
          result.add(f.obligation());
        }
      }
    }
    return result;
  }

  LeakStore plus(Fact fact) {
    Builder b = new Builder(this);
    b.put(fact, null);
    return b.build();
  }

  /** Every fact reachable through {@code existing} becomes reachable through {@code added} too. */
  LeakStore addAlias(AliasKey existing, AliasKey added) {
    return map(
        f ->
            f.aliases().contains(existing) && !f.aliases().contains(added)
                ? f.withAliases(
                    ImmutableSet.<AliasKey>builder().addAll(f.aliases()).add(added).build())
                : f);
  }

  /**
   * {@code key} now holds the value of {@code rhs} (or a value that is not a resource, when {@code
   * rhs} is null). A fact that loses its last alias this way gets {@code lostWitness}.
   */
  LeakStore reassign(AliasKey key, @Nullable AliasKey rhs, Witness lostWitness) {
    Builder b = new Builder();
    for (Map.Entry<Fact, @Nullable Witness> e : facts.entrySet()) {
      Fact f = e.getKey();
      boolean had = f.aliases().contains(key);
      boolean gets = rhs != null && !rhs.equals(key) && f.aliases().contains(rhs);
      if (rhs != null && rhs.equals(key)) {
        gets = had;
      }
      if (had == gets) {
        b.put(f, e.getValue());
        continue;
      }
      ImmutableSet.Builder<AliasKey> aliases = ImmutableSet.builder();
      for (AliasKey k : f.aliases()) {
        if (!k.equals(key)) {
          aliases.add(k);
        }
      }
      if (gets) {
        aliases.add(key);
      }
      Fact next = f.withAliases(aliases.build());
      Witness w = e.getValue();
      if (next.aliases().isEmpty() && !f.exceptional()) {
        w = Witness.min(w, lostWitness);
      }
      b.put(next, w);
    }
    return b.build();
  }

  /** The result of releasing or handing over everything reachable through some keys. */
  record Discharge(LeakStore store, Set<Fact> removed) {}

  /**
   * Removes every fact reachable through one of {@code keys}, and then every fact whose parent was
   * removed (a statement goes with its connection).
   */
  Discharge discharge(Collection<AliasKey> keys) {
    if (keys.isEmpty()) {
      return new Discharge(this, Set.of());
    }
    Set<Fact> removed = new HashSet<>();
    Set<Obligation> removedObligations = new HashSet<>();
    for (Fact f : facts.keySet()) {
      for (AliasKey k : keys) {
        if (f.aliases().contains(k)) {
          removed.add(f);
          removedObligations.add(f.obligation());
          break;
        }
      }
    }
    if (removed.isEmpty()) {
      return new Discharge(this, Set.of());
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Fact f : facts.keySet()) {
        if (!removed.contains(f) && !Collections.disjoint(f.parents(), removedObligations)) {
          removed.add(f);
          changed |= removedObligations.add(f.obligation());
        }
      }
    }
    Builder b = new Builder();
    for (Map.Entry<Fact, @Nullable Witness> e : facts.entrySet()) {
      if (!removed.contains(e.getKey())) {
        b.put(e.getKey(), e.getValue());
      }
    }
    return new Discharge(b.build(), removed);
  }

  /** Drops the facts reachable through {@code key}: on this branch it is null, so they are void. */
  LeakStore dropFactsWith(AliasKey key) {
    Builder b = new Builder();
    for (Map.Entry<Fact, @Nullable Witness> e : facts.entrySet()) {
      if (!e.getKey().aliases().contains(key)) {
        b.put(e.getKey(), e.getValue());
      }
    }
    return b.size() == facts.size() ? this : b.build();
  }

  /** Forgets the old value of the temporary {@code tree}, about to be evaluated again. */
  LeakStore killTemp(Tree tree, Witness lostWitness) {
    return forget(List.of(new AliasKey.Temp(tree)), lostWitness);
  }

  /**
   * The values of {@code keys} are gone (temporaries whose value has been consumed). A normal-path
   * fact left with no alias gets {@code lostWitness}.
   */
  LeakStore forget(Collection<AliasKey> keys, @Nullable Witness lostWitness) {
    boolean any = false;
    for (Fact f : facts.keySet()) {
      for (AliasKey k : keys) {
        if (f.aliases().contains(k)) {
          any = true;
          break;
        }
      }
    }
    if (!any) {
      return this;
    }
    Builder b = new Builder();
    for (Map.Entry<Fact, @Nullable Witness> e : facts.entrySet()) {
      Fact f = e.getKey();
      ImmutableSet.Builder<AliasKey> kept = ImmutableSet.builder();
      boolean removed = false;
      for (AliasKey k : f.aliases()) {
        if (keys.contains(k)) {
          removed = true;
        } else {
          kept.add(k);
        }
      }
      if (!removed) {
        b.put(f, e.getValue());
        continue;
      }
      Fact next = f.withAliases(kept.build());
      Witness w = e.getValue();
      if (next.aliases().isEmpty() && !f.exceptional()) {
        w = Witness.min(w, lostWitness);
      }
      b.put(next, w);
    }
    return b.build();
  }

  /** Gives {@code witness} to every open normal-path fact that has none yet. */
  LeakStore withWitnessIfNone(Witness witness) {
    Builder b = new Builder();
    for (Map.Entry<Fact, @Nullable Witness> e : facts.entrySet()) {
      Witness w = e.getValue();
      b.put(e.getKey(), w == null && !e.getKey().exceptional() ? witness : w);
    }
    return b.build();
  }

  /**
   * The store on an exception edge: every fact now leaks through {@code witness}. A fact that was
   * already on an exceptional path takes the new witness too, because this later edge is the one
   * that skips the releases still ahead (the second close in a finally block).
   */
  LeakStore toExceptional(Witness witness) {
    Builder b = new Builder();
    for (Fact f : facts.keySet()) {
      b.put(f.asExceptional(), witness);
    }
    return b.build();
  }

  private LeakStore map(Function<Fact, Fact> fn) {
    Builder b = new Builder();
    boolean changed = false;
    for (Map.Entry<Fact, @Nullable Witness> e : facts.entrySet()) {
      Fact next = fn.apply(e.getKey());
      changed |= next != e.getKey();
      b.put(next, e.getValue());
    }
    return changed ? b.build() : this;
  }

  @Override
  public LeakStore copy() {
    return this;
  }

  @Override
  public LeakStore leastUpperBound(LeakStore other) {
    if (other == this || other.facts.isEmpty()) {
      return this;
    }
    if (facts.isEmpty()) {
      return other;
    }
    Builder b = new Builder(this);
    for (Map.Entry<Fact, @Nullable Witness> e : other.facts.entrySet()) {
      b.put(e.getKey(), e.getValue());
    }
    return b.build();
  }

  @Override
  public LeakStore widenedUpperBound(LeakStore previous) {
    return leastUpperBound(previous);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, LeakStore, ?> viz) {
    return toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LeakStore other && facts.equals(other.facts);
  }

  @Override
  public int hashCode() {
    return facts.hashCode();
  }

  @Override
  public String toString() {
    return "LeakStore" + facts;
  }

  /** Collects facts, keeping the earlier witness when the same fact is put twice. */
  static final class Builder {
    private final Map<Fact, @Nullable Witness> facts;

    Builder() {
      this.facts = new LinkedHashMap<>();
    }

    Builder(LeakStore start) {
      this.facts = new LinkedHashMap<>(start.facts);
    }

    void put(Fact fact, @Nullable Witness witness) {
      if (facts.containsKey(fact)) {
        facts.put(fact, Witness.min(facts.get(fact), witness));
      } else {
        facts.put(fact, witness);
      }
    }

    int size() {
      return facts.size();
    }

    LeakStore build() {
      return facts.isEmpty() ? EMPTY : new LeakStore(Collections.unmodifiableMap(facts));
    }
  }
}
