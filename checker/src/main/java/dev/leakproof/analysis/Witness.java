package dev.leakproof.analysis;

import com.sun.source.tree.Tree;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The event on a leaking path that the finding's message names: the exception edge taken, the
 * return that left the resource open, or the assignment that overwrote its last reference.
 *
 * <p>Several paths can merge into one fact; the witness with the smallest source position is kept,
 * which makes messages deterministic and the merge monotone.
 *
 * @param kind what happened
 * @param tree where it happened
 * @param position the start position of {@code tree}, for ordering
 * @param detail the exception type for {@link Kind#CALL_THROWS} and {@link Kind#THROW}, the
 *     variable for {@link Kind#OVERWRITTEN}, otherwise empty
 */
public record Witness(Kind kind, Tree tree, int position, String detail) {

  /** What a witness records. */
  public enum Kind {
    /** A call threw {@link #detail()} with the resource open. */
    CALL_THROWS,
    /** A {@code throw} statement threw {@link #detail()} with the resource open. */
    THROW,
    /** The method returned with the resource open. */
    RETURN,
    /** The last reference, variable {@link #detail()}, was overwritten. */
    OVERWRITTEN,
    /** The expression that opened the resource ran again (a loop) with the old one still open. */
    REOPENED,
    /** The last reference, a value passed to or called by {@link #tree()}, was dropped there. */
    DROPPED,
    /** The method body ended with the resource open. */
    END
  }

  private static final Comparator<Witness> ORDER =
      Comparator.comparingInt(Witness::position)
          .thenComparing(Witness::kind)
          .thenComparing(Witness::detail);

  /** The earlier of two witnesses; null means "none yet" and loses to any witness. */
  static @Nullable Witness min(@Nullable Witness a, @Nullable Witness b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return ORDER.compare(a, b) <= 0 ? a : b;
  }
}
