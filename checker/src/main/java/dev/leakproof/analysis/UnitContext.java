package dev.leakproof.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.leakproof.config.LeakproofConfig;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.ResolvedModel;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Everything the transfer function needs while it analyses one unit, plus what it observes on the
 * side: which obligations were returned and through which aliases each one was ever reachable.
 *
 * <p>The side observations are sound to collect during the fixpoint iteration: stores only grow, so
 * every event seen in an intermediate iteration also happens in the final one.
 */
final class UnitContext {
  final ResolvedModel model;
  final LeakproofConfig options;
  final VisitorState state;
  final Types types;
  final Type runtimeException;
  final Type error;
  private final Function<MethodSymbol, @Nullable Summary> summaries;

  final Set<Obligation> acquired = new LinkedHashSet<>();
  final Set<Obligation> owningParameters = new HashSet<>();
  final BitSet resourceParameters = new BitSet();
  final Set<Integer> returnedParameters = new HashSet<>();

  /** Parameters this constructor passes to super(...) or this(...): the new object holds them. */
  final Set<Integer> parametersPassedUp = new HashSet<>();

  boolean returnsFresh;

  /** Whether the unit returns an object it made that holds nothing yet (a dormant fact). */
  boolean returnsDormant;

  /** Parameters a {@code resource-after} call (or a callee's summary) may have woken. */
  final BitSet wokenParameters = new BitSet();

  final Map<Obligation, Set<AliasKey>> aliasesSeen = new HashMap<>();

  /**
   * Whether the unit is a constructor: then a field of {@code this} is an alias like a local, and
   * the object owns what its fields hold only once the constructor completes normally.
   */
  boolean inConstructor;

  /**
   * Facts that lost their last alias somewhere, with the witness of how: they can never be
   * released, so they are leaks even when no exit is reachable (a {@code while (true)} server loop
   * that overwrites its socket).
   */
  final Map<Fact, Witness> lost = new HashMap<>();

  /** Owned fields whose open resource was lost (the field overwritten), with where. */
  final Map<Obligation, Witness> overwrittenFields = new HashMap<>();

  /**
   * The fields of {@code this} that the class owns (see {@code OwnedFields}): in a method they are
   * obligations at entry and aliases of themselves; in a constructor every field is an alias.
   */
  Map<VariableElement, OwnedFields.Owned> ownedFields = Map.of();

  /** Boolean fields of {@code this} that the unit sets to true: its closed flags. */
  Set<VariableElement> closedFlags = Set.of();

  /**
   * Collection fields of {@code this} whose users' last one closes the object: see {@code
   * ClosedGuards}.
   */
  Set<VariableElement> lastUserSets = Set.of();

  /** Boolean fields of {@code this} that record whether it made an owned field's resource. */
  Map<VariableElement, VariableElement> ownershipFlags = Map.of();

  /** The ownership flags of a class, computed once per class by whoever runs the analysis. */
  Function<ClassTree, Map<VariableElement, VariableElement>> ownershipFlagsOf =
      cls -> OwnershipFlags.of(cls, ownedFields.keySet());

  /**
   * Owned fields whose null test, placed before the given position, says the lifecycle method ran
   * before: see {@code SiblingNullGuards#nullMeansClosed}.
   */
  Map<VariableElement, Integer> nullMeansClosed = Map.of();

  /**
   * Owned fields that nothing opens again after construction: released where such a test says so.
   */
  Set<VariableElement> notReopened = Set.of();

  /** Owned fields that a superclass's lifecycle method reaches: see {@code InheritedRelease}. */
  Set<VariableElement> releasedBySuper = Set.of();

  final Budget budget;

  UnitContext(
      ResolvedModel model,
      LeakproofConfig options,
      VisitorState state,
      Function<MethodSymbol, @Nullable Summary> summaries) {
    this.model = model;
    this.options = options;
    this.state = state;
    this.types = state.getTypes();
    this.runtimeException = state.getSymtab().runtimeExceptionType;
    this.error = state.getSymtab().errorType;
    this.summaries = summaries;
    this.budget = new Budget(options.maxStepsPerMethod());
  }

  /** The alias key of {@code n}'s value in this unit; see {@link LeakTransfer#aliasOf}. */
  @Nullable AliasKey key(@Nullable Node n) {
    return LeakTransfer.aliasOf(
        n,
        field ->
            inConstructor
                ? !Annotations.isNotOwning((Symbol) field)
                : ownedFields.containsKey(field));
  }

  /** Whether {@code fact} is held by a field of the object under construction. */
  static boolean heldByField(Fact fact) {
    for (AliasKey k : fact.aliases()) {
      if (k instanceof AliasKey.Var v && v.element().getKind() == ElementKind.FIELD) {
        return true;
      }
    }
    return false;
  }

  /** The summary of a same-unit callee, or null when there is none to be had. */
  @Nullable Summary summaryOf(MethodSymbol callee) {
    return summaries.apply(callee);
  }

  void step(LeakStore store) {
    budget.step(store.size());
    if (store.size() > options.maxOpenFacts()) {
      throw new BudgetExceededException("more than " + options.maxOpenFacts() + " open facts");
    }
  }

  void noteLost(LeakStore store) {
    for (Fact f : store.facts()) {
      // A child with no alias left is still released through its parent.
      if (f.aliases().isEmpty() && f.parents().isEmpty() && !f.dormant()) {
        Witness w = store.witness(f);
        if (w == null) {
          continue;
        }
        if (f.obligation().field()) {
          if (ASTHelpers.getSymbol(f.obligation().site()) instanceof VariableElement v
              && isCheckedForOverwrites(v)) {
            overwrittenFields.merge(f.obligation(), w, Witness::min);
          }
        } else if (overwrittenField(w) instanceof VariableElement v) {
          // Opened here, stored in an owned field, and overwritten there later (a loop): the
          // overwrite is the finding, reported once, by UnclosedResourceField.
          overwrittenFields.merge(
              Obligation.field(ownedFields.get(v).declaration()), w, Witness::min);
        } else if (!f.obligation().isParameter() || owningParameters.contains(f.obligation())) {
          lost.merge(f, w, Witness::min);
        }
      }
    }
  }

  /**
   * The owned field whose overwrite {@code w} records, when that field is checked for overwrites;
   * null otherwise.
   */
  @Nullable VariableElement overwrittenField(@Nullable Witness w) {
    return w != null
            && w.tree() instanceof AssignmentTree a
            && ASTHelpers.getSymbol(a.getVariable()) instanceof VariableElement v
            && isCheckedForOverwrites(v)
        ? v
        : null;
  }

  private boolean isCheckedForOverwrites(VariableElement field) {
    OwnedFields.Owned owned = ownedFields.get(field);
    return owned != null && owned.openedAtConstruction();
  }

  void noteAlias(Obligation obligation, AliasKey key) {
    aliasesSeen.computeIfAbsent(obligation, o -> new HashSet<>()).add(key);
  }

  boolean isSubtype(Type t, Type of) {
    return types.isSubtype(types.erasure(t), types.erasure(of));
  }
}
