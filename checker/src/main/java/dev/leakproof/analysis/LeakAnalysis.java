package dev.leakproof.analysis;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.leakproof.config.InvalidFlagException;
import dev.leakproof.config.LeakproofConfig;
import dev.leakproof.model.LibraryModel;
import dev.leakproof.model.ResolvedModel;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * The entry point the checks share: analyses a unit (method, lambda or initializer block) once and
 * caches the result for the current compilation unit, so that every Leakproof check reads the same
 * result and no CFG is built twice.
 *
 * <p>Error Prone's injector creates one instance per compilation and hands it to every check that
 * asks for it. The cache holds only the current compilation unit's results.
 */
public final class LeakAnalysis {
  /**
   * When this system property is true, an internal error propagates instead of skipping the unit;
   * the test suite sets it so that no failure hides behind a missing finding.
   */
  public static final String STRICT_PROPERTY = "leakproof.strict";

  private final @Nullable LeakproofConfig config;
  private final @Nullable String configError;
  private final LibraryModel library;

  private @Nullable Context modelContext;
  private @Nullable ResolvedModel model;
  private @Nullable CompilationUnitTree currentUnit;
  private @Nullable CompilationUnitIndex index;
  private final Map<Tree, UnitResult> results = new IdentityHashMap<>();
  private final Set<Tree> inProgress = new HashSet<>();
  private final Set<Tree> skipNoted = new HashSet<>();

  @Inject
  public LeakAnalysis(ErrorProneFlags flags) {
    LeakproofConfig parsed = null;
    String error = null;
    try {
      parsed = LeakproofConfig.fromFlags(flags);
    } catch (InvalidFlagException e) {
      error = e.getMessage();
    }
    this.config = parsed;
    this.configError = error;
    this.library = LibraryModel.builtIn();
  }

  public LeakAnalysis(LeakproofConfig config) {
    this.config = config;
    this.configError = null;
    this.library = LibraryModel.builtIn();
  }

  private boolean configErrorReported;

  /**
   * Whether the caller is the first to report the flag problem; each compilation reports it once.
   */
  public boolean claimConfigErrorReport() {
    boolean first = !configErrorReported;
    configErrorReported = true;
    return first;
  }

  /**
   * Whether the caller is the first to tell the user that {@code unit} was skipped; each skipped
   * unit is noted once, however many checks read its result.
   */
  public boolean claimSkipNote(Tree unit) {
    return skipNoted.add(unit);
  }

  /** The problem with the {@code -XepOpt:Leakproof:*} flags, or null if they are fine. */
  public @Nullable String configError() {
    return configError;
  }

  /** The library model as resolved for the compilation that {@code state} belongs to. */
  public ResolvedModel model(VisitorState state) {
    enterUnit(state.getPath().getCompilationUnit(), state);
    return model;
  }

  /**
   * The result for the unit at {@code unitPath} (a method, lambda or initializer block). Never
   * throws: a unit that cannot be analysed yields no findings and says why.
   */
  public UnitResult analyze(TreePath unitPath, VisitorState state) {
    if (config == null) {
      return UnitResult.NOTHING;
    }
    enterUnit(unitPath.getCompilationUnit(), state);
    Tree unit = unitPath.getLeaf();
    UnitResult cached = results.get(unit);
    if (cached != null) {
      return cached;
    }
    Tree body = UnitAnalysis.bodyOf(unit);
    if (body == null
        || !Prefilter.mayAcquire(body, model, unitPath.getCompilationUnit().getSourceFile())) {
      results.put(unit, UnitResult.NOTHING);
      return UnitResult.NOTHING;
    }
    return compute(unitPath, state);
  }

  private UnitResult compute(TreePath unitPath, VisitorState state) {
    Tree unit = unitPath.getLeaf();
    inProgress.add(unit);
    UnitResult result;
    try {
      UnitContext ctx = new UnitContext(model, config, state, m -> summaryOf(m, state));
      result = UnitAnalysis.run(unitPath, ctx, JavacProcessingEnvironment.instance(state.context));
    } catch (BudgetExceededException e) {
      result = UnitResult.skipped("it is too large to analyse (" + e.getMessage() + ")");
    } catch (RuntimeException | StackOverflowError e) {
      if (Boolean.getBoolean(STRICT_PROPERTY)) {
        throw e;
      }
      result = UnitResult.skipped("of an internal error: " + e);
    } finally {
      inProgress.remove(unit);
    }
    results.put(unit, result);
    return result;
  }

  private @Nullable Summary summaryOf(MethodSymbol callee, VisitorState state) {
    if (index == null && currentUnit != null) {
      index = new CompilationUnitIndex(currentUnit); // built only when a summary is wanted
    }
    CompilationUnitIndex idx = index;
    if (idx == null || callee.isAbstract() || idx.isOverriddenHere(callee, state.getTypes())) {
      return null;
    }
    TreePath path = idx.pathOf(callee);
    if (path == null) {
      return null;
    }
    MethodTree tree = (MethodTree) path.getLeaf();
    if (inProgress.contains(tree)) {
      return null;
    }
    UnitResult cached = results.get(tree);
    if (cached == null || cached == UnitResult.NOTHING) {
      // The prefilter may have skipped it for its own findings; its summary needs a real run.
      cached = compute(path, state);
    }
    return cached.skippedBecause() == null ? cached.summary() : null;
  }

  private void enterUnit(CompilationUnitTree unit, VisitorState state) {
    if (modelContext != state.context) {
      modelContext = state.context;
      model = new ResolvedModel(library, VisitorState.createForUtilityPurposes(state.context));
      currentUnit = null;
    }
    if (unit != currentUnit) {
      currentUnit = unit;
      results.clear();
      skipNoted.clear();
      index = null;
    }
  }
}
