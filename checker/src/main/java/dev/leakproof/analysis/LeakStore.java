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
import java.util.function.UnaryOperator;
import javax.lang.model.element.VariableElement;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/**
 * The dataflow store: every {@link Fact} that holds on some path to this point, each with an {@link
 * Info}: the witness of how its path leaks, and the local variables that are null on every path
 * where it holds. The store also knows the variables that are null on every path to this point, to
 * seed the facts it creates.
 *
 * <p>Null knowledge is kept per fact so that {@code if (out != null) out.close(); else s.close();}
 * is understood: a socket whose stream {@code out} was never obtained is open only on paths where
 * {@code out} is null, and the test drops it from the branch where {@code out} is not.
 *
 * <p>Immutable. The join is a union of facts (a may-analysis: a resource open on any incoming path
 * is open); facts that meet keep the earlier witness and the common null variables. {@link #BOTTOM}
 * marks an infeasible branch and is the identity of the join. Facts are finitely many for a method
 * (one per obligation, alias set and path kind), so the analysis terminates without widening.
 */
final class LeakStore implements Store<LeakStore> {
  static final LeakStore EMPTY = new LeakStore(Map.of(), Set.of(), false);
  static final LeakStore BOTTOM = new LeakStore(Map.of(), Set.of(), true);

  /** What is known about one fact besides its key. */
  record Info(@Nullable Witness witness, Set<VariableElement> nulls) {
    static final Info NONE = new Info(null, Set.of());

    Info merge(Info other) {
      return other == this
          ? this
          : new Info(Witness.min(witness, other.witness), intersection(nulls, other.nulls));
    }

    Info withWitness(@Nullable Witness w) {
      return w == witness ? this : new Info(w, nulls);
    }
  }

  private final Map<Fact, Info> facts;
  private final Set<VariableElement> nulls;
  private final boolean bottom;

  private LeakStore(Map<Fact, Info> facts, Set<VariableElement> nulls, boolean bottom) {
    this.facts = facts;
    this.nulls = nulls;
    this.bottom = bottom;
  }

  Set<Fact> facts() {
    return facts.keySet();
  }

  @Nullable Witness witness(Fact fact) {
    Info info = facts.get(fact);
    return info == null ? null : info.witness();
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

  /**
   * Whether some resource acquired in this unit (not a parameter) can be reached via {@code key}.
   */
  boolean tracksOwned(@Nullable AliasKey key) {
    if (key == null) {
      return false;
    }
    for (Fact f : facts.keySet()) {
      if (f.aliases().contains(key) && !f.obligation().isInherited()) {
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

  /** Whether {@code variable} is null on every path to this point. */
  boolean isNull(VariableElement variable) {
    return bottom || nulls.contains(variable);
  }

  /** A new fact, holding where the variables now known to be null are null. */
  LeakStore plus(Fact fact) {
    if (bottom) {
      return this;
    }
    Builder b = new Builder(this, true);
    b.put(fact, new Info(null, nulls));
    return b.build();
  }

  /** {@code variable} was just assigned: it is now null, or now not known to be null. */
  LeakStore withNull(VariableElement variable, boolean isNull) {
    if (bottom) {
      return this;
    }
    Set<VariableElement> global = update(nulls, variable, isNull);
    Builder b = new Builder(global);
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      Info i = e.getValue();
      b.put(e.getKey(), new Info(i.witness(), update(i.nulls(), variable, isNull)));
    }
    return b.build();
  }

  private static Set<VariableElement> intersection(Set<VariableElement> a, Set<VariableElement> b) {
    if (a.equals(b)) {
      return a;
    }
    Set<VariableElement> both = new HashSet<>(a);
    both.retainAll(b);
    return Set.copyOf(both);
  }

  private static Set<VariableElement> update(
      Set<VariableElement> set, VariableElement v, boolean add) {
    if (set.contains(v) == add) {
      return set;
    }
    Set<VariableElement> next = new HashSet<>(set);
    if (add) {
      next.add(v);
    } else {
      next.remove(v);
    }
    return Set.copyOf(next);
  }

  /**
   * The branch on which {@code variable} is not null: facts that hold only where it is null are
   * void here, and so is the whole branch when it is null on every path.
   */
  LeakStore whereNotNull(VariableElement variable) {
    if (isNull(variable)) {
      return BOTTOM;
    }
    return filter(e -> !e.getValue().nulls().contains(variable));
  }

  /** The same point with no open facts: the path continues, but nothing leaks along it. */
  LeakStore withoutFacts() {
    return facts.isEmpty() ? this : new LeakStore(Map.of(), nulls, bottom);
  }

  /**
   * Every dormant fact reachable through {@code key} wakes: its object now holds something that
   * must be released.
   */
  LeakStore awaken(AliasKey key) {
    return mapFacts(f -> f.dormant() && f.aliases().contains(key) ? f.awake() : f);
  }

  /** Every fact reachable through {@code existing} becomes reachable through {@code added} too. */
  LeakStore addAlias(AliasKey existing, AliasKey added) {
    return mapFacts(
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
    Builder b = new Builder(this, false);
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      Fact f = e.getKey();
      boolean had = f.aliases().contains(key);
      boolean gets = rhs != null && f.aliases().contains(rhs);
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
      Info info = e.getValue();
      if (next.aliases().isEmpty() && !f.exceptional()) {
        info = info.withWitness(Witness.min(info.witness(), lostWitness));
      }
      b.put(next, info);
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
    return new Discharge(filter(e -> !removed.contains(e.getKey())), removed);
  }

  /** Removes the facts that {@code released} accepts (their release is not through an alias). */
  LeakStore dischargeIf(java.util.function.Predicate<Fact> released) {
    return filter(e -> !released.test(e.getKey()));
  }

  /**
   * Drops the facts reachable through {@code key}, which cannot hold on this branch (it is null, or
   * it is some other object), and the facts of their children whose parents have no fact left.
   *
   * @param acquiredOnly drop only resources acquired in the unit (a parameter may be the object it
   *     is compared with)
   */
  LeakStore dropFactsWith(AliasKey key, boolean acquiredOnly) {
    Set<Obligation> dropped = new HashSet<>();
    LeakStore kept =
        filter(
            e -> {
              Fact f = e.getKey();
              boolean drop =
                  f.aliases().contains(key) && !(acquiredOnly && f.obligation().isInherited());
              if (drop) {
                dropped.add(f.obligation());
              }
              return !drop;
            });
    if (dropped.isEmpty()) {
      return kept;
    }
    // Children go with parents that have no fact left, transitively (connection, statement,
    // result set).
    while (true) {
      Set<Obligation> remaining = new HashSet<>();
      for (Fact f : kept.facts.keySet()) {
        remaining.add(f.obligation());
      }
      Set<Obligation> gone = new HashSet<>(dropped);
      gone.removeAll(remaining);
      LeakStore next =
          gone.isEmpty()
              ? kept
              : kept.filter(e -> Collections.disjoint(e.getKey().parents(), gone));
      if (next == kept) {
        return kept;
      }
      for (Fact f : kept.facts.keySet()) {
        if (!next.facts.containsKey(f)) {
          dropped.add(f.obligation());
        }
      }
      kept = next;
    }
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
      if (!Collections.disjoint(f.aliases(), keys)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return this;
    }
    Builder b = new Builder(this, false);
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      Fact f = e.getKey();
      if (Collections.disjoint(f.aliases(), keys)) {
        b.put(f, e.getValue());
        continue;
      }
      ImmutableSet.Builder<AliasKey> kept = ImmutableSet.builder();
      for (AliasKey k : f.aliases()) {
        if (!keys.contains(k)) {
          kept.add(k);
        }
      }
      Fact next = f.withAliases(kept.build());
      Info info = e.getValue();
      if (next.aliases().isEmpty() && !f.exceptional()) {
        info = info.withWitness(Witness.min(info.witness(), lostWitness));
      }
      b.put(next, info);
    }
    return b.build();
  }

  /** Gives {@code witness} to every open normal-path fact that has none yet. */
  LeakStore withWitnessIfNone(Witness witness) {
    Builder b = new Builder(this, false);
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      Info i = e.getValue();
      b.put(
          e.getKey(),
          i.witness() == null && !e.getKey().exceptional() ? i.withWitness(witness) : i);
    }
    return b.build();
  }

  /**
   * The store on an exception edge: every fact now leaks through {@code witness}. A fact that was
   * already on an exceptional path takes the new witness too, because this later edge is the one
   * that skips the releases still ahead (the second close in a finally block).
   */
  LeakStore toExceptional(Witness witness) {
    return toExceptional(witness, true);
  }

  /**
   * Like {@link #toExceptional(Witness)}, but facts already on an exceptional path keep their
   * witness unless {@code replace}: a {@code throw} in a handler rethrows, and the original edge is
   * the better explanation.
   */
  LeakStore toExceptional(Witness witness, boolean replace) {
    Builder b = new Builder(this, false);
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      Fact f = e.getKey();
      if (f.aliases().isEmpty()) {
        b.put(f, e.getValue()); // already lost: how it was lost stays the explanation
        continue;
      }
      Info info = f.exceptional() && !replace ? e.getValue() : e.getValue().withWitness(witness);
      b.put(f.asExceptional(), info);
    }
    return b.build();
  }

  private LeakStore mapFacts(UnaryOperator<Fact> fn) {
    Builder b = new Builder(this, false);
    boolean changed = false;
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      Fact next = fn.apply(e.getKey());
      changed |= next != e.getKey();
      b.put(next, e.getValue());
    }
    return changed ? b.build() : this;
  }

  private LeakStore filter(java.util.function.Predicate<Map.Entry<Fact, Info>> keep) {
    Builder b = new Builder(this, false);
    for (Map.Entry<Fact, Info> e : facts.entrySet()) {
      if (keep.test(e)) {
        b.put(e.getKey(), e.getValue());
      }
    }
    return b.size() == facts.size() ? this : b.build();
  }

  @Override
  public LeakStore copy() {
    return this;
  }

  @Override
  public LeakStore leastUpperBound(LeakStore other) {
    if (other == this || other.bottom) {
      return this;
    }
    if (bottom) {
      return other;
    }
    Builder b = new Builder(intersection(nulls, other.nulls));
    facts.forEach(b::put);
    other.facts.forEach(b::put);
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
    return o instanceof LeakStore other
        && bottom == other.bottom
        && facts.equals(other.facts)
        && nulls.equals(other.nulls);
  }

  @Override
  public int hashCode() {
    return facts.hashCode() * 31 + nulls.hashCode() + (bottom ? 1 : 0);
  }

  @Override
  public String toString() {
    return bottom ? "LeakStore(bottom)" : "LeakStore" + facts + " nulls=" + nulls;
  }

  /** Collects facts; a fact put twice keeps the earlier witness and the common null variables. */
  static final class Builder {
    private final Map<Fact, Info> facts = new LinkedHashMap<>();
    private final Set<VariableElement> nulls;
    private final boolean bottom;

    /** A builder for a reachable store with no variables known to be null. */
    Builder() {
      this(Set.of());
    }

    private Builder(Set<VariableElement> nulls) {
      this.nulls = nulls;
      this.bottom = false;
    }

    /** A builder with {@code start}'s null variables, and its facts if {@code withFacts}. */
    private Builder(LeakStore start, boolean withFacts) {
      this.nulls = start.nulls;
      this.bottom = start.bottom;
      if (withFacts) {
        facts.putAll(start.facts);
      }
    }

    void put(Fact fact, Info info) {
      facts.merge(fact, info, Info::merge);
    }

    int size() {
      return facts.size();
    }

    LeakStore build() {
      if (bottom) {
        return BOTTOM;
      }
      if (facts.isEmpty() && nulls.isEmpty()) {
        return EMPTY;
      }
      return new LeakStore(
          facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(facts), nulls, false);
    }
  }
}
