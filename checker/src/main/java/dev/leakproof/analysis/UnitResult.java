package dev.leakproof.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of analysing one method, lambda or initializer.
 *
 * @param leaks the findings, in source order of their acquisition sites
 * @param summary what callers in the same unit may assume about this method
 * @param acquisitions how many acquisition sites the unit has
 * @param skippedBecause why the unit was not analysed (budget, internal error), or null
 */
public record UnitResult(
    List<Leak> leaks, Summary summary, int acquisitions, @Nullable String skippedBecause) {

  static final UnitResult NOTHING = new UnitResult(List.of(), Summary.NOTHING, 0, null);

  static UnitResult skipped(String why) {
    return new UnitResult(List.of(), Summary.NOTHING, 0, why);
  }
}
