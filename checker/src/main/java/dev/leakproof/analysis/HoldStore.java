package dev.leakproof.analysis;

import com.sun.source.tree.Tree;
import dev.leakproof.model.ModelEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.VariableElement;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/**
 * The store of the hold analysis: the locks (and temporary state changes) held on some path to this
 * point, each with how it was acquired and what would leave it held, and the boolean locals that
 * hold the result of a {@code tryLock()} not yet tested.
 *
 * <p>Immutable. The join is a union (a lock held on any incoming path may stay held); {@link
 * #BOTTOM} marks an infeasible branch and is the identity of the join.
 */
final class HoldStore implements Store<HoldStore> {
  /**
   * A held lock.
   *
   * @param site the acquiring call
   * @param entry the model entry of the acquisition
   * @param text how the finding names it ({@code lock}, {@code rwl.readLock()})
   * @param witness the event that leaves it held on its way to an exit: the last exception taken
   *     with it held, else the first return; or null
   * @param exceptional whether every path that holds it here came through an exception edge
   * @param flags boolean locals whose value is known on every path that holds it: known where it
   *     was acquired ({@code if (concurrent) lock.lock(); … if (concurrent) lock.unlock();}) or
   *     assigned a constant while it was held ({@code acquired = true})
   */
  record Held(
      Tree site,
      ModelEntry entry,
      String text,
      HoldKey key,
      @Nullable Witness witness,
      boolean exceptional,
      Map<VariableElement, Boolean> flags) {
    Held(
        Tree site,
        ModelEntry entry,
        String text,
        HoldKey key,
        @Nullable Witness witness,
        boolean exceptional) {
      this(site, entry, text, key, witness, exceptional, Map.of());
    }

    Held merge(Held other) {
      return new Held(
          site,
          entry,
          text,
          key,
          preferred(witness, other.witness),
          exceptional && other.exceptional,
          common(flags, other.flags));
    }

    /**
     * The witness the message names: a {@code throw}, a return or a checked exception before a call
     * that may throw some unchecked exception, then the earliest.
     */
    private static @Nullable Witness preferred(@Nullable Witness a, @Nullable Witness b) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      boolean vagueA = isVague(a);
      boolean vagueB = isVague(b);
      if (vagueA != vagueB) {
        return vagueA ? b : a;
      }
      return Witness.min(a, b);
    }

    private static boolean isVague(Witness w) {
      return w.kind() == Witness.Kind.CALL_THROWS && w.detail().equals("RuntimeException");
    }

    Held withFlags(Map<VariableElement, Boolean> f) {
      return new Held(site, entry, text, key, witness, exceptional, f);
    }
  }

  private static Map<VariableElement, Boolean> common(
      Map<VariableElement, Boolean> a, Map<VariableElement, Boolean> b) {
    if (a.equals(b)) {
      return a;
    }
    Map<VariableElement, Boolean> both = new HashMap<>();
    for (Map.Entry<VariableElement, Boolean> e : a.entrySet()) {
      if (e.getValue().equals(b.get(e.getKey()))) {
        both.put(e.getKey(), e.getValue());
      }
    }
    return Map.copyOf(both);
  }

  /** A {@code boolean ok = lock.tryLock()} whose lock is held where {@code ok} is true. */
  record Pending(Tree site, ModelEntry entry, String text, HoldKey key) {}

  static final HoldStore EMPTY = new HoldStore(Map.of(), Map.of(), Map.of(), false);
  static final HoldStore BOTTOM = new HoldStore(Map.of(), Map.of(), Map.of(), true);

  /** Held locks, by their acquisition site (one lock may be held twice: reentrant locks). */
  private final Map<Tree, Held> held;

  private final Map<VariableElement, Pending> pending;

  /** Boolean locals whose value is known on every path to this point. */
  private final Map<VariableElement, Boolean> known;

  private final boolean bottom;

  private HoldStore(
      Map<Tree, Held> held,
      Map<VariableElement, Pending> pending,
      Map<VariableElement, Boolean> known,
      boolean bottom) {
    this.held = held;
    this.pending = pending;
    this.known = known;
    this.bottom = bottom;
  }

  /**
   * The branch where boolean local {@code v} is {@code value}: holds acquired where it had the
   * other value are void here, and so is the branch when it is known to have the other value.
   */
  HoldStore assume(VariableElement v, boolean value) {
    if (bottom) {
      return this;
    }
    Boolean k = known.get(v);
    if (k != null && k != value) {
      return BOTTOM;
    }
    Map<Tree, Held> next = new HashMap<>(held);
    next.values().removeIf(h -> Boolean.valueOf(!value).equals(h.flags().get(v)));
    Map<VariableElement, Boolean> nextKnown = new HashMap<>(known);
    nextKnown.put(v, value);
    return new HoldStore(Map.copyOf(next), pending, Map.copyOf(nextKnown), false);
  }

  /**
   * {@code v} was assigned: its value is {@code value} now (null: unknown), for every hold too. A
   * hold that exists now has {@code v == value} on every path through here, so the value becomes
   * its flag: {@code lock.lockInterruptibly(); acquired = true; … finally { if (acquired)
   * lock.unlock(); }}.
   */
  HoldStore assigned(VariableElement v, @Nullable Boolean value) {
    if (bottom || (!known.containsKey(v) && value == null && !anyFlag(v) && held.isEmpty())) {
      return this;
    }
    Map<Tree, Held> next = new HashMap<>();
    for (Held h : held.values()) {
      if (value != null || h.flags().containsKey(v)) {
        Map<VariableElement, Boolean> f = new HashMap<>(h.flags());
        if (value == null) {
          f.remove(v);
        } else {
          f.put(v, value);
        }
        h = h.withFlags(Map.copyOf(f));
      }
      next.put(h.site(), h);
    }
    Map<VariableElement, Boolean> nextKnown = new HashMap<>(known);
    if (value == null) {
      nextKnown.remove(v);
    } else {
      nextKnown.put(v, value);
    }
    return new HoldStore(Map.copyOf(next), pending, Map.copyOf(nextKnown), false);
  }

  private boolean anyFlag(VariableElement v) {
    for (Held h : held.values()) {
      if (h.flags().containsKey(v)) {
        return true;
      }
    }
    return false;
  }

  Map<Tree, Held> held() {
    return held;
  }

  boolean isBottom() {
    return bottom;
  }

  int size() {
    return held.size();
  }

  HoldStore acquire(Held h) {
    if (bottom) {
      return this;
    }
    Map<Tree, Held> next = new HashMap<>(held);
    next.put(h.site(), h.withFlags(known));
    return new HoldStore(Map.copyOf(next), pending, known, false);
  }

  /**
   * Releases one hold of {@code key} that {@code releases} accepts: the most recent acquisition
   * when the lock is held several times (the sites are ordered by position).
   */
  HoldStore release(HoldKey key, java.util.function.Predicate<Held> releases) {
    if (bottom) {
      return this;
    }
    Held latest = null;
    for (Held h : held.values()) {
      if (h.key().equals(key)
          && releases.test(h)
          && (latest == null || position(h.site()) > position(latest.site()))) {
        latest = h;
      }
    }
    if (latest == null) {
      return this;
    }
    Map<Tree, Held> next = new HashMap<>(held);
    next.remove(latest.site());
    return new HoldStore(Map.copyOf(next), pending, known, false);
  }

  /** Releases every hold that {@code releases} accepts ({@code MDC.clear()}). */
  HoldStore releaseAll(java.util.function.Predicate<Held> releases) {
    if (bottom) {
      return this;
    }
    Map<Tree, Held> next = new HashMap<>(held);
    next.values().removeIf(releases);
    return next.size() == held.size()
        ? this
        : new HoldStore(Map.copyOf(next), pending, known, false);
  }

  private static int position(Tree t) {
    return ((com.sun.tools.javac.tree.JCTree) t).getStartPosition();
  }

  HoldStore withPending(VariableElement v, @Nullable Pending p) {
    if (bottom || (p == null && !pending.containsKey(v))) {
      return this;
    }
    Map<VariableElement, Pending> next = new HashMap<>(pending);
    if (p == null) {
      next.remove(v);
    } else {
      next.put(v, p);
    }
    return new HoldStore(held, Map.copyOf(next), known, false);
  }

  @Nullable Pending pending(VariableElement v) {
    return pending.get(v);
  }

  /**
   * Every hold gets {@code w} as its witness and is marked exceptional. A witness it had is
   * replaced: the path got here after that event, so a handler caught it, or a {@code finally} ran
   * for it, and this exception is the one that leaves the lock held ({@code finally { wipe(key);
   * unlock(); }} names {@code wipe}, not whatever the try block threw).
   */
  HoldStore toExceptional(Witness w) {
    if (bottom || held.isEmpty()) {
      return this;
    }
    Map<Tree, Held> next = new HashMap<>();
    for (Held h : held.values()) {
      next.put(h.site(), new Held(h.site(), h.entry(), h.text(), h.key(), w, true, h.flags()));
    }
    return new HoldStore(Map.copyOf(next), pending, known, false);
  }

  /** Every hold gets {@code w} as its witness unless it has one. */
  HoldStore withWitnessIfNone(Witness w) {
    if (bottom || held.isEmpty()) {
      return this;
    }
    Map<Tree, Held> next = new HashMap<>();
    for (Held h : held.values()) {
      next.put(
          h.site(),
          h.witness() != null
              ? h
              : new Held(h.site(), h.entry(), h.text(), h.key(), w, h.exceptional(), h.flags()));
    }
    return new HoldStore(Map.copyOf(next), pending, known, false);
  }

  /** The same point with nothing held: the path goes on, but nothing stays held along it. */
  HoldStore withoutHolds() {
    return held.isEmpty() ? this : new HoldStore(Map.of(), pending, known, bottom);
  }

  @Override
  public HoldStore copy() {
    return this;
  }

  @Override
  public HoldStore leastUpperBound(HoldStore other) {
    if (other == this || other.bottom) {
      return this;
    }
    if (bottom) {
      return other;
    }
    Map<Tree, Held> union = new HashMap<>(held);
    for (Held h : other.held.values()) {
      union.merge(h.site(), h, Held::merge);
    }
    Map<VariableElement, Pending> both = new HashMap<>();
    for (Map.Entry<VariableElement, Pending> e : pending.entrySet()) {
      if (e.getValue().equals(other.pending.get(e.getKey()))) {
        both.put(e.getKey(), e.getValue());
      }
    }
    return new HoldStore(Map.copyOf(union), Map.copyOf(both), common(known, other.known), false);
  }

  @Override
  public HoldStore widenedUpperBound(HoldStore previous) {
    return leastUpperBound(previous);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HoldStore s
        && bottom == s.bottom
        && held.equals(s.held)
        && pending.equals(s.pending)
        && known.equals(s.known);
  }

  @Override
  public int hashCode() {
    return Objects.hash(held, pending, known, bottom);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, HoldStore, ?> viz) {
    return toString();
  }

  @Override
  public String toString() {
    return bottom ? "HoldStore(bottom)" : "HoldStore" + held.keySet() + " pending=" + pending;
  }
}
