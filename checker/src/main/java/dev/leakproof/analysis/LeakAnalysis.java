package dev.leakproof.analysis;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import dev.leakproof.config.InvalidFlagException;
import dev.leakproof.config.LeakproofConfig;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.LibraryModel;
import dev.leakproof.model.ModelFormatException;
import dev.leakproof.model.ResolvedModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.lang.model.element.VariableElement;
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
  private final Map<Tree, Boolean> emptySummaries = new IdentityHashMap<>();
  private final Map<MethodSymbol, Boolean> mayReturnFresh = new HashMap<>();
  private final Map<Tree, Boolean> mayAcquire = new IdentityHashMap<>();
  private @Nullable Types types;
  private final Set<Tree> skipNoted = new HashSet<>();
  private final Set<Tree> holdSkipNoted = new HashSet<>();
  private final Map<ClassTree, Map<VariableElement, OwnedFields.Owned>> ownedFields =
      new IdentityHashMap<>();
  private final Map<ClassTree, Map<VariableElement, VariableElement>> ownershipFlags =
      new IdentityHashMap<>();

  @Inject
  public LeakAnalysis(ErrorProneFlags flags) {
    LeakproofConfig parsed = null;
    LibraryModel loaded = LibraryModel.builtIn();
    String error = null;
    try {
      parsed = LeakproofConfig.fromFlags(flags);
      loaded = loadModel(parsed);
    } catch (InvalidFlagException | ModelFormatException e) {
      parsed = null;
      error = e.getMessage();
    }
    this.config = parsed;
    this.configError = error;
    this.library = loaded;
  }

  public LeakAnalysis(LeakproofConfig config) {
    this.config = config;
    this.configError = null;
    this.library = loadModel(config);
  }

  private static LibraryModel loadModel(LeakproofConfig config) {
    return LibraryModel.load(
        config.executorsAreResources(),
        config.dataSourcesAreResources(),
        LeakAnalysis.class.getClassLoader(),
        config.modelFiles());
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
   * Whether the caller is the first to tell the user that the leak analysis (or, with {@code
   * holds}, the lock and state analysis) skipped {@code unit}; each skipped unit is noted once per
   * analysis, however many checks read its result.
   */
  public boolean claimSkipNote(Tree unit, boolean holds) {
    return (holds ? holdSkipNoted : skipNoted).add(unit);
  }

  /** An internal error and where it was thrown, for the user to report. */
  public static String describeFailure(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length == 0) {
      return e.toString();
    }
    StackTraceElement top = trace[0];
    return e
        + " at "
        + top.getClassName()
        + "."
        + top.getMethodName()
        + "("
        + top.getFileName()
        + ":"
        + top.getLineNumber()
        + ")";
  }

  /** The problem with the {@code -XepOpt:Leakproof:*} flags, or null if they are fine. */
  /** Whether children (JDBC statements, zip entry streams) must be closed on their own. */
  public boolean childrenMustBeClosed() {
    return config != null && config.childrenMustBeClosed();
  }

  public @Nullable String configError() {
    return configError;
  }

  private final Map<Tree, List<HoldAnalysis.Finding>> holdResults = new IdentityHashMap<>();
  private HoldAnalysis.@Nullable Helpers holdHelpers;

  /**
   * The locks and temporary state changes that the unit at {@code unitPath} leaves held on some
   * path, for {@code UnreleasedLock} and {@code UnrestoredState}. Cached like {@link #analyze}; a
   * unit over the budget yields nothing and says so once, in a note.
   */
  public List<HoldAnalysis.Finding> holds(TreePath unitPath, VisitorState state) {
    if (config == null) {
      return List.of();
    }
    enterUnit(unitPath.getCompilationUnit(), state);
    Tree unit = unitPath.getLeaf();
    List<HoldAnalysis.Finding> cached = holdResults.get(unit);
    if (cached != null) {
      return cached;
    }
    List<HoldAnalysis.Finding> result;
    try {
      result =
          HoldAnalysis.run(
              unitPath,
              model,
              this::holdHelpers,
              holdingMethods(config),
              config.maxStepsPerMethod(),
              state);
    } catch (BudgetExceededException e) {
      holdSkipped.put(unit, "it is too large to analyse (" + e.getMessage() + ")");
      result = List.of();
    } catch (RuntimeException | StackOverflowError e) {
      if (Boolean.getBoolean(STRICT_PROPERTY)) {
        throw e;
      }
      holdSkipped.put(unit, "of an internal error: " + describeFailure(e));
      result = List.of();
    }
    holdResults.put(unit, result);
    return result;
  }

  private final Map<Tree, String> holdSkipped = new IdentityHashMap<>();
  private @Nullable Pattern holdingMethods;

  /** The {@code HoldingMethods} pattern, compiled once: the hold analysis asks for every unit. */
  private Pattern holdingMethods(LeakproofConfig config) {
    if (holdingMethods == null) {
      holdingMethods = config.holdingMethodsPattern();
    }
    return holdingMethods;
  }

  /** The same-file release helpers, found once per compilation unit that needs them. */
  private HoldAnalysis.Helpers holdHelpers() {
    if (holdHelpers == null) {
      holdHelpers = HoldAnalysis.Helpers.of(currentUnit, model);
    }
    return holdHelpers;
  }

  /** Why the hold analysis skipped {@code unit}, or null if it did not. */
  public @Nullable String holdSkippedBecause(Tree unit) {
    return holdSkipped.get(unit);
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
    if (!mayHaveFindings(unitPath)) {
      results.put(unit, UnitResult.NOTHING);
      return UnitResult.NOTHING;
    }
    return compute(unitPath, state);
  }

  /**
   * The prefilter: whether the unit may acquire a resource, has an {@code @Owning} parameter, or
   * reads or writes a field its class owns (or is that class's release method).
   */
  private boolean mayHaveFindings(TreePath unitPath) {
    Tree unit = unitPath.getLeaf();
    Tree body = UnitAnalysis.bodyOf(unit);
    return body != null
        && (mayAcquire(body)
            || hasOwningParameter(unit)
            || Prefilter.mentions(body, ownedFieldsAround(unitPath).keySet())
            || isLifecycleMethodOfOwner(unitPath));
  }

  /**
   * The prefilter's answer for a body, walked once whether it is asked for the unit's own findings
   * or for a caller's {@link #mayReturnFresh}. (An answer given while a recursive callee was taken
   * to return a fresh resource can only be a safe yes.)
   */
  private boolean mayAcquire(Tree body) {
    Boolean known = mayAcquire.get(body);
    if (known == null) {
      known = Prefilter.mayAcquire(body, model, currentUnit.getSourceFile(), this::mayReturnFresh);
      mayAcquire.put(body, known);
    }
    return known;
  }

  /**
   * Whether a method of the current file may return a fresh resource through its summary: it has
   * one (a body here, not overridden here) and that body may acquire. A method whose answer is
   * being computed (recursion) is taken to return one, which is the safe side for a prefilter. A
   * method without a summary yields nothing the prefilter does not already look at by itself.
   */
  private boolean mayReturnFresh(MethodSymbol method) {
    Boolean known = mayReturnFresh.get(method);
    if (known != null) {
      return known;
    }
    CompilationUnitIndex idx = index();
    TreePath path =
        idx == null || method.isAbstract() || idx.isOverriddenHere(method, types)
            ? null
            : idx.pathOf(method);
    if (path == null) {
      mayReturnFresh.put(method, false);
      return false;
    }
    mayReturnFresh.put(method, true);
    boolean fresh = mayAcquire(((MethodTree) path.getLeaf()).getBody());
    mayReturnFresh.put(method, fresh);
    return fresh;
  }

  private @Nullable CompilationUnitIndex index() {
    if (index == null && currentUnit != null) {
      index = new CompilationUnitIndex(currentUnit); // built only when a summary is wanted
    }
    return index;
  }

  /**
   * Whether the summary of the method at {@code path} is known to say nothing without analysing it:
   * it has no resource parameter (only those get obligations a summary could release, return or
   * store), its class owns no field (that it could release), and the prefilter shows that it
   * acquires nothing (that it could return).
   */
  private boolean summaryIsEmpty(TreePath path) {
    MethodTree method = (MethodTree) path.getLeaf();
    for (var p : method.getParameters()) {
      if (model.isCloseable(ASTHelpers.getType(p))) {
        return false;
      }
    }
    return ownedFieldsAround(path).isEmpty() && !mayHaveFindings(path);
  }

  private UnitResult compute(TreePath unitPath, VisitorState state) {
    Tree unit = unitPath.getLeaf();
    inProgress.add(unit);
    UnitResult result;
    try {
      Faults.at(
          Faults.Point.ANALYSIS, unit instanceof MethodTree m ? m.getName().toString() : null);
      UnitContext ctx = new UnitContext(model, config, state, m -> summaryOf(m, state));
      ctx.ownershipFlagsOf =
          cls ->
              ownershipFlags.computeIfAbsent(
                  cls, c -> OwnershipFlags.of(c, ownedFieldsOf(c).keySet()));
      result =
          UnitAnalysis.run(
              unitPath,
              ctx,
              ownedFieldsAround(unitPath),
              JavacProcessingEnvironment.instance(state.context));
    } catch (BudgetExceededException e) {
      result = UnitResult.skipped("it is too large to analyse (" + e.getMessage() + ")");
    } catch (RuntimeException | StackOverflowError e) {
      if (Boolean.getBoolean(STRICT_PROPERTY)) {
        throw e;
      }
      result = UnitResult.skipped("of an internal error: " + describeFailure(e));
    } finally {
      inProgress.remove(unit);
    }
    results.put(unit, result);
    return result;
  }

  /**
   * The fields that the class declaring {@code path}'s leaf owns, each with its declaration;
   * computed once per class. Lambdas and nested classes belong to the nearest enclosing class.
   */
  public Map<VariableElement, OwnedFields.Owned> ownedFields(
      TreePath classPath, VisitorState state) {
    enterUnit(classPath.getCompilationUnit(), state);
    return ownedFieldsOf((ClassTree) classPath.getLeaf());
  }

  private Map<VariableElement, OwnedFields.Owned> ownedFieldsOf(ClassTree cls) {
    return ownedFields.computeIfAbsent(
        cls,
        c ->
            OwnedFields.of(
                c, model, config != null && config.childrenMustBeClosed(), modelContext));
  }

  private Map<VariableElement, OwnedFields.Owned> ownedFieldsAround(TreePath unitPath) {
    ClassTree cls = ASTHelpers.findEnclosingNode(unitPath, ClassTree.class);
    if (cls == null || unitPath.getLeaf() instanceof LambdaExpressionTree) {
      return Map.of();
    }
    return ownedFieldsOf(cls);
  }

  /**
   * The resources that the class at {@code classPath} keeps in owned fields and does not release:
   * no lifecycle method releases the field on its normal path (or the class has none), or a method
   * overwrites the field while it is open. Reads the (cached) results of the class's methods;
   * builds no CFG of its own.
   */
  public List<FieldFinding> fieldFindings(TreePath classPath, VisitorState state) {
    Map<VariableElement, OwnedFields.Owned> owned = ownedFields(classPath, state);
    if (owned.isEmpty() || config == null) {
      return List.of();
    }
    Faults.at(Faults.Point.FIELDS);
    ClassTree cls = (ClassTree) classPath.getLeaf();
    List<TreePath> lifecycle = new ArrayList<>();
    List<TreePath> methods = new ArrayList<>();
    for (Tree member : cls.getMembers()) {
      if (member instanceof MethodTree m
          && m.getBody() != null
          && ASTHelpers.getSymbol(m) instanceof MethodSymbol sym
          && !sym.isConstructor()
          && !sym.isStatic()) {
        methods.add(new TreePath(classPath, m));
        if (model.isLifecycleMethod(sym)) {
          lifecycle.add(new TreePath(classPath, m));
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (TreePath p : lifecycle) {
      names.add(((MethodTree) p.getLeaf()).getName() + "()");
    }
    List<FieldFinding> findings = new ArrayList<>();
    for (Map.Entry<VariableElement, OwnedFields.Owned> e : owned.entrySet()) {
      boolean released = false;
      for (TreePath p : lifecycle) {
        UnitResult r = analyze(p, state);
        // A skipped method is given the benefit of the doubt.
        released |= r.skippedBecause() != null || !r.openFields().contains(e.getKey());
      }
      VariableElement madeFrom = e.getValue().madeFrom();
      if (lifecycle.isEmpty()
          && (OwnedFields.releasedByAMethod(cls, e.getKey(), model)
              || (madeFrom != null && OwnedFields.releasedByAMethod(cls, madeFrom, model)))) {
        // No method the model knows as a lifecycle method, but the class does close the field
        // somewhere (a run method's finally, a servlet listener's contextDestroyed()), or the
        // connection it was made from: it has a protocol of its own, which one class cannot show
        // to be wrong.
        released = true;
      }
      if (!released) {
        findings.add(
            new FieldFinding(
                e.getValue().declaration(),
                e.getValue().acquisition(),
                lifecycle.isEmpty()
                    ? FieldFinding.Kind.NO_LIFECYCLE_METHOD
                    : FieldFinding.Kind.NOT_RELEASED,
                names,
                null));
      }
    }
    for (TreePath p : methods) {
      for (Map.Entry<VariableElement, Witness> e :
          analyze(p, state).overwrittenFields().entrySet()) {
        OwnedFields.Owned o = owned.get(e.getKey());
        if (o != null) {
          findings.add(
              new FieldFinding(
                  o.declaration(),
                  o.acquisition(),
                  FieldFinding.Kind.OVERWRITTEN,
                  names,
                  e.getValue()));
        }
      }
    }
    return findings;
  }

  private boolean isLifecycleMethodOfOwner(TreePath unitPath) {
    return unitPath.getLeaf() instanceof MethodTree m
        && ASTHelpers.getSymbol(m) instanceof MethodSymbol sym
        && !ownedFieldsAround(unitPath).isEmpty()
        && model.isLifecycleMethod(sym);
  }

  /** An {@code @Owning} parameter is an obligation even in a method that acquires nothing. */
  private static boolean hasOwningParameter(Tree unit) {
    if (unit instanceof MethodTree m) {
      for (var p : m.getParameters()) {
        if (ASTHelpers.getSymbol(p) != null && Annotations.isOwning(ASTHelpers.getSymbol(p))) {
          return true;
        }
      }
    }
    return false;
  }

  private @Nullable Summary summaryOf(MethodSymbol callee, VisitorState state) {
    CompilationUnitIndex idx = index();
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
      // Most same-file callees are plain helpers whose summary is empty; only the others need a
      // run, even when the prefilter skipped them for their own findings.
      if (emptySummaries.computeIfAbsent(tree, t -> summaryIsEmpty(path))) {
        return Summary.NOTHING;
      }
      cached = compute(path, state);
    }
    return cached.skippedBecause() == null ? cached.summary() : null;
  }

  private void enterUnit(CompilationUnitTree unit, VisitorState state) {
    if (modelContext != state.context) {
      Faults.at(Faults.Point.MODEL);
      modelContext = state.context;
      model = new ResolvedModel(library, VisitorState.createForUtilityPurposes(state.context));
      types = Types.instance(state.context);
      currentUnit = null;
    }
    if (unit != currentUnit) {
      currentUnit = unit;
      results.clear();
      emptySummaries.clear();
      mayReturnFresh.clear();
      mayAcquire.clear();
      holdResults.clear();
      holdSkipped.clear();
      holdHelpers = null;
      skipNoted.clear();
      holdSkipNoted.clear();
      ownedFields.clear();
      ownershipFlags.clear();
      index = null;
    }
  }
}
