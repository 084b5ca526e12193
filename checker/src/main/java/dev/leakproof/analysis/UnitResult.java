package dev.leakproof.analysis;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of analysing one method, lambda or initializer.
 *
 * @param leaks the findings, in source order of their acquisition sites
 * @param summary what callers in the same unit may assume about this method
 * @param acquisitions the unit's acquisition sites: the expressions whose value is a resource the
 *     unit owns (whether or not it leaks)
 * @param skippedBecause why the unit was not analysed (budget, internal error), or null
 * @param openFields the owned fields of {@code this} still open when the method returns normally
 *     (for a release method such as {@code close()}, the ones it fails to release)
 * @param overwrittenFields the owned fields overwritten while still open, with where
 */
public record UnitResult(
    List<Leak> leaks,
    Summary summary,
    Set<Tree> acquisitions,
    @Nullable String skippedBecause,
    Set<VariableElement> openFields,
    Map<VariableElement, Witness> overwrittenFields) {

  static final UnitResult NOTHING =
      new UnitResult(List.of(), Summary.NOTHING, Set.of(), null, Set.of(), Map.of());

  static UnitResult skipped(String why) {
    return new UnitResult(List.of(), Summary.NOTHING, Set.of(), why, Set.of(), Map.of());
  }
}
