package dev.leakproof.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resource that a class keeps in a field it owns and does not release.
 *
 * @param field the field's declaration
 * @param acquisition where the class acquires the resource it stores there
 * @param kind what is wrong
 * @param lifecycleMethods the class's methods that end its life ({@code close}, {@code stop}), none
 *     of which releases the field; empty for {@link Kind#NO_LIFECYCLE_METHOD}
 * @param overwrite for {@link Kind#OVERWRITTEN}, the assignment that drops the open resource
 */
public record FieldFinding(
    VariableTree field,
    Tree acquisition,
    Kind kind,
    List<String> lifecycleMethods,
    @Nullable Witness overwrite) {

  /** What a {@link FieldFinding} reports. */
  public enum Kind {
    /** The class has no method that ends its life, so nothing can release the field. */
    NO_LIFECYCLE_METHOD,
    /** None of the class's lifecycle methods releases the field on its normal path. */
    NOT_RELEASED,
    /** A method overwrites the field while it still holds an open resource. */
    OVERWRITTEN
  }
}
