package dev.leakproof.fix;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.analysis.Handlers;
import dev.leakproof.analysis.Leak;
import dev.leakproof.analysis.LeakAnalysis;
import dev.leakproof.analysis.UnitResult;
import dev.leakproof.analysis.Witness;
import dev.leakproof.model.ResolvedModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a leaked resource into try-with-resources, or says why it cannot. The shapes:
 *
 * <ul>
 *   <li>a local declared with its acquisition: the try covers the declaration through the last
 *       statement that uses it; consecutive declarations of resources share one try, in order; a
 *       decorator whose constructor can throw ({@code new ObjectInputStream(new
 *       FileInputStream(f))}) gets the inner resource declared first;
 *   <li>{@code T x = null; ... x = open();} with the assignment in the same block, or leading the
 *       block of a {@code try} whose {@code finally} closes it;
 *   <li>a resource used within one statement ({@code return new FileReader(f).read();}): a new
 *       variable, whose name clashes with nothing in the file, holds it;
 *   <li>a resource already in a try-with-resources header whose decorator can throw.
 * </ul>
 *
 * <p>Releases the try makes redundant ({@code x.close();}, {@code if (x != null) x.close();},
 * {@code try (x)}) are removed, wherever they are, provided the code between them and the end of
 * the try neither uses the resource nor can tell it is still open ({@link Flow}); a {@code finally}
 * or an inner {@code try} left with nothing to do goes too. Each fix is one replacement of one
 * range of text, so Error Prone's patch mode applies all of it or none of it.
 */
public final class TryWithResourcesFix {
  private TryWithResourcesFix() {}

  /**
   * The fix for {@code leak}, or why there is none. Never throws.
   *
   * @param childrenMustBeClosed whether closing a parent (a connection) leaves its children (its
   *     statements) leaked: if not, a child with no fix of its own takes its parent's
   */
  public static FixResult forLeak(
      Leak leak,
      UnitResult result,
      TreePath unitPath,
      ResolvedModel model,
      boolean childrenMustBeClosed,
      VisitorState state) {
    try {
      // Closing a parent releases its children (a connection its statements and their result
      // sets): a child takes the fix of its outermost leaking ancestor that has one, to the
      // character, which patch mode applies once. A fix of the child's own would overlap it.
      List<Leak> ancestors = new ArrayList<>();
      for (Leak p = childrenMustBeClosed ? null : leakingParent(leak, result, model);
          p != null && !ancestors.contains(p) && ancestors.size() < 8;
          p = leakingParent(p, result, model)) {
        ancestors.add(p);
      }
      for (Leak ancestor : ancestors.reversed()) {
        try {
          return FixResult.of(
              new Rewrite(result.acquisitions(), unitPath, model, state).forLeak(ancestor));
        } catch (CannotFix e) {
          // No fix for this one; a nearer ancestor, or the child itself, may have one.
        }
      }
      return FixResult.of(new Rewrite(result.acquisitions(), unitPath, model, state).forLeak(leak));
    } catch (CannotFix e) {
      return FixResult.none(e.reason);
    } catch (RuntimeException | StackOverflowError e) {
      if (Boolean.getBoolean(LeakAnalysis.STRICT_PROPERTY)) {
        throw e;
      }
      // A fix is a bonus; an unexpected tree shape must never cost the finding.
      return FixResult.none(NoFix.UNSUPPORTED);
    }
  }

  /**
   * The fix for a resource that is released correctly but by hand: {@code decl} (or the assignment
   * at {@code holder}) is rewritten exactly as a leak there would be. Never throws.
   */
  public static FixResult forManualRelease(
      TreePath holder,
      Set<Tree> acquisitions,
      TreePath unitPath,
      ResolvedModel model,
      VisitorState state) {
    try {
      return FixResult.of(new Rewrite(acquisitions, unitPath, model, state).forHolder(holder));
    } catch (CannotFix e) {
      return FixResult.none(e.reason);
    } catch (RuntimeException | StackOverflowError e) {
      if (Boolean.getBoolean(LeakAnalysis.STRICT_PROPERTY)) {
        throw e;
      }
      return FixResult.none(NoFix.UNSUPPORTED);
    }
  }

  /**
   * The leak that {@code child} came from, if it is a child resource ({@code
   * conn.createStatement()}, {@code zip.getInputStream(e)}) of another resource that leaks here:
   * releasing that one releases this one.
   */
  private static @Nullable Leak leakingParent(Leak child, UnitResult result, ResolvedModel model) {
    if (!(child.site() instanceof MethodInvocationTree call)
        || !(call.getMethodSelect() instanceof MemberSelectTree select)
        || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol m)
        || model.roleOf(m, ASTHelpers.getType(select.getExpression()))
            != ResolvedModel.Role.CHILD) {
      return null;
    }
    ExpressionTree receiver = ASTHelpers.stripParentheses(select.getExpression());
    Symbol receiverVar = receiver instanceof IdentifierTree id ? ASTHelpers.getSymbol(id) : null;
    for (Leak other : result.leaks()) {
      if (other != child
          && (other.site() == receiver
              || other.temporaries().contains(receiver)
              || (receiverVar != null && other.variables().contains(receiverVar)))) {
        return other;
      }
    }
    return null;
  }

  /** One rewrite: the context every shape needs. */
  private static final class Rewrite {
    private final Set<Tree> acquisitions;
    private final TreePath unitPath;
    private final ResolvedModel model;
    private final VisitorState state;
    private final CharSequence source;
    private final SuggestedFix.Builder fix = SuggestedFix.builder();
    private final Set<String> takenNames = new HashSet<>();
    private @Nullable Set<String> namesInFile;
    private int unimportedNames;

    /** The method that releases the resource: {@code close}, unless the try/finally shape runs. */
    private String release = "close";

    Rewrite(Set<Tree> acquisitions, TreePath unitPath, ResolvedModel model, VisitorState state) {
      this.acquisitions = acquisitions;
      this.unitPath = unitPath;
      this.model = model;
      this.state = state;
      this.source = state.getSourceCode();
    }

    SuggestedFix forLeak(Leak leak) {
      checkNotClassLoader(ASTHelpers.getType(leak.site()));
      Holders.Holder holder = Holders.of(leak, unitPath);
      Set<Symbol> vars = new LinkedHashSet<>();
      for (var v : leak.variables()) {
        if (v instanceof Symbol s && !s.getSimpleName().toString().contains("#")) {
          vars.add(s);
        }
      }
      if (holder == null) {
        if (leak.site() instanceof VariableTree parameter
            && unitPath.getLeaf() instanceof MethodTree method
            && method.getParameters().contains(parameter)) {
          return owningParameter(parameter, method);
        }
        CannotFix.check(vars.isEmpty(), NoFix.NOT_IN_A_BLOCK);
        return expressionOnly(leak);
      }
      CannotFix.check(isLocal(holder.variable()), NoFix.ESCAPES);
      CannotFix.check(ownedOnEveryPath(holder.value()), NoFix.SOMETIMES_NOT_OWNED);
      checkFixesTheWitness(leak, holder.value());
      Set<Symbol> aliases = new HashSet<>(vars);
      aliases.remove(holder.variable());
      return forHolder(holder.path(), leak.site(), aliases);
    }

    /**
     * A leak that happens inside the holder's own initializer (a decorator constructor that throws
     * after taking the inner stream) is fixed only by declaring the inner stream on its own, which
     * the rewrite does when the decorator is the whole initializer. In a conditional or a call
     * around it, wrapping the whole value would leave the finding as it is.
     */
    private void checkFixesTheWitness(Leak leak, Tree value) {
      Tree thrower = leak.witness().tree();
      if (leak.witness().kind() != Witness.Kind.CALL_THROWS
          || thrower == leak.site()
          || !Flow.contains(value, thrower)) {
        return;
      }
      Tree v = value instanceof ExpressionTree e ? ASTHelpers.stripParentheses(e) : value;
      CannotFix.check(wrapsThroughConstructors(v, leak.site()), NoFix.UNSUPPORTED);
    }

    /** Whether {@code site} is an argument of {@code tree}, or of a constructor argument of it. */
    private boolean wrapsThroughConstructors(Tree tree, Tree site) {
      if (!(tree instanceof NewClassTree creation)) {
        return false;
      }
      for (ExpressionTree a : creation.getArguments()) {
        Tree arg = ASTHelpers.stripParentheses(a);
        if (arg == site || wrapsThroughConstructors(arg, site)) {
          return true;
        }
      }
      return false;
    }

    SuggestedFix forHolder(TreePath holder) {
      Symbol var =
          holder.getLeaf() instanceof VariableTree v
              ? ASTHelpers.getSymbol(v)
              : ASTHelpers.getSymbol(((AssignmentTree) holder.getLeaf()).getVariable());
      // A resource released by hand in a finally block is only worth rewriting to
      // try-with-resources.
      CannotFix.check(var != null && isAutoCloseable(var.type), NoFix.NOT_AUTO_CLOSEABLE);
      Tree site = null;
      Tree value =
          holder.getLeaf() instanceof VariableTree v
              ? v.getInitializer()
              : ((AssignmentTree) holder.getLeaf()).getExpression();
      if (value != null) {
        site = innermostAcquisition(value);
      }
      CannotFix.check(site != null, NoFix.SOMETIMES_NOT_OWNED);
      checkNotClassLoader(ASTHelpers.getType(site));
      return forHolder(holder, site, Set.of());
    }

    private SuggestedFix forHolder(TreePath holder, Tree site, Set<Symbol> aliases) {
      Tree leaf = holder.getLeaf();
      Tree parent = holder.getParentPath().getLeaf();
      if (leaf instanceof VariableTree decl) {
        if (parent instanceof TryTree t && t.getResources().contains(decl)) {
          return splitInHeader(decl, holder, site);
        }
        CannotFix.check(parent instanceof BlockTree, NoFix.NOT_IN_A_BLOCK);
        return declared(holder, aliases);
      }
      return assigned(holder, aliases);
    }

    // ---- shape: a local declared with its acquisition ------------------------------------

    private SuggestedFix declared(TreePath declPath, Set<Symbol> aliases) {
      if (!isAutoCloseable(ASTHelpers.getSymbol((VariableTree) declPath.getLeaf()).type)) {
        return declaredWithFinally(declPath, aliases);
      }
      BlockTree block = (BlockTree) declPath.getParentPath().getLeaf();
      List<? extends StatementTree> statements = block.getStatements();
      int index = statements.indexOf(declPath.getLeaf());
      int first = index;
      int last = index;
      while (first > 0 && isMember(statements.get(first - 1), block, statements)) {
        first--;
      }
      while (last + 1 < statements.size()
          && isMember(statements.get(last + 1), block, statements)) {
        last++;
      }
      List<VariableTree> members = new ArrayList<>();
      for (int i = first; i <= last; i++) {
        VariableTree member = (VariableTree) statements.get(i);
        checkMember(member);
        members.add(member);
      }
      Set<Symbol> vars = new LinkedHashSet<>();
      for (VariableTree m : members) {
        vars.add(ASTHelpers.getSymbol(m));
      }
      TreePath blockPath = declPath.getParentPath();
      Region region = region(blockPath, statements, last + 1, vars, aliases);
      int from = ASTHelpers.getStartPosition(members.get(0));
      String indent = indentation(from);
      List<String> resources = new ArrayList<>();
      List<@Nullable String> gaps = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        VariableTree m = members.get(i);
        if (i > 0) {
          // Comments between the declarations move into the header with them.
          gaps.add(commentGap(state.getEndPosition(members.get(i - 1)), startOf(m), indent));
        }
        List<String> texts = resourceTexts(m, new TreePath(blockPath, m));
        for (int k = 1; k < texts.size(); k++) {
          gaps.add(null);
        }
        resources.addAll(texts);
        checkCloseExceptions(ASTHelpers.getType(m), new TreePath(blockPath, m));
      }
      int headerEnd = state.getEndPosition(members.get(members.size() - 1));
      TextEdits edits = region.edits();
      edits.replace(from, headerEnd, hoistedText(region, indent) + header(resources, gaps, indent));
      return wrap(from, headerEnd, region, blockPath);
    }

    // ---- shape: a resource that is not AutoCloseable, released by a method the model knows ------

    /**
     * {@code Deflater d = new Deflater(); try { uses } finally { d.end(); }}: the same region as
     * try-with-resources would get, released in a finally block by the one method the model or a
     * {@code @MustCall} annotation names for the type.
     */
    private SuggestedFix declaredWithFinally(TreePath declPath, Set<Symbol> aliases) {
      VariableTree decl = (VariableTree) declPath.getLeaf();
      Symbol sym = ASTHelpers.getSymbol(decl);
      String releaseName = releaseMethod(sym.type);
      // A constructor never returns null, so the finally needs no null test.
      CannotFix.check(
          releaseName != null
              && decl.getInitializer() != null
              && ASTHelpers.stripParentheses(decl.getInitializer()) instanceof NewClassTree,
          NoFix.NOT_AUTO_CLOSEABLE);
      CannotFix.check(assignmentsOf(sym) == 0, NoFix.REASSIGNED);
      release = releaseName;
      TreePath blockPath = declPath.getParentPath();
      List<? extends StatementTree> statements = ((BlockTree) blockPath.getLeaf()).getStatements();
      Region region =
          region(blockPath, statements, statements.indexOf(decl) + 1, Set.of(sym), aliases);
      checkReleaseExceptions(sym.type, releaseName, declPath);
      int from = ASTHelpers.getStartPosition(decl);
      String indent = indentation(from);
      int declEnd = endOfLineComment(state.getEndPosition(decl));
      TextEdits edits = region.edits();
      String hoisted = hoistedText(region, indent);
      if (!hoisted.isEmpty()) {
        edits.replace(from, from, hoisted);
      }
      edits.replace(declEnd, declEnd, "\n" + indent + "try {");
      return wrap(from, declEnd, region, blockPath, decl.getName() + "." + releaseName + "();");
    }

    /**
     * The one release method of a type that is not {@code AutoCloseable}: the only method its
     * {@code @MustCall} names, or the only no-argument method the model lists as a release; null if
     * there is none or there are several ({@code commit()} or {@code rollback()}).
     */
    private @Nullable String releaseMethod(Type type) {
      List<String> mustCall = model.mustCall(type);
      if (mustCall != null) {
        return mustCall.size() == 1 ? mustCall.get(0) : null;
      }
      Set<String> names = new TreeSet<>();
      for (Type t : state.getTypes().closure(type)) {
        for (Symbol member : t.tsym.members().getSymbols()) {
          if (member instanceof MethodSymbol m
              && m.getParameters().isEmpty()
              && !m.isStatic()
              && model.roleOf(m, type) == ResolvedModel.Role.RELEASE) {
            names.add(m.getSimpleName().toString());
          }
        }
      }
      return names.size() == 1 ? names.iterator().next() : null;
    }

    /**
     * Whether {@code s} is a declaration of another resource opened here that can join the same
     * try: a local declared with an acquisition, never reassigned, whose uses the rewrite keeps.
     */
    private boolean isMember(StatementTree s, BlockTree block, List<? extends StatementTree> all) {
      if (!(s instanceof VariableTree v)
          || v.getInitializer() == null
          || !(ASTHelpers.getSymbol(v) instanceof Symbol sym)
          || !isLocal(sym)
          || !ownedOnEveryPath(v.getInitializer())
          || !isAutoCloseable(sym.type)) {
        return false;
      }
      try {
        checkMember(v);
        Uses uses = new Uses(Set.of(sym), Set.of(), model, this::mayHoldResource, state.getTypes());
        TreePath blockPath = TreePath.getPath(unitPath, block);
        for (int i = all.indexOf(s) + 1; i < all.size(); i++) {
          uses.scan(new TreePath(blockPath, all.get(i)));
        }
        return true;
      } catch (CannotFix e) {
        return false;
      }
    }

    private void checkMember(VariableTree member) {
      Symbol sym = ASTHelpers.getSymbol(member);
      CannotFix.check(isAutoCloseable(sym.type), NoFix.NOT_AUTO_CLOSEABLE);
      CannotFix.check(assignmentsOf(sym) == 0, NoFix.REASSIGNED);
    }

    /**
     * The header entries for a declaration: itself, or, when a decorator in its initializer can
     * throw after taking the acquired resource, that resource declared first.
     */
    private List<String> resourceTexts(VariableTree decl, TreePath declPath) {
      String text = text(decl).strip();
      if (text.endsWith(";")) {
        text = text.substring(0, text.length() - 1).stripTrailing();
      }
      Tree site = innermostAcquisition(decl.getInitializer());
      if (site == null || !wrapperThrows(site, declPath)) {
        return List.of(text);
      }
      Type type = ASTHelpers.getType(site);
      String name = freshName(type, site);
      String inner = resourceTypeText(type) + " " + name + " = " + text(site);
      int declStart = ASTHelpers.getStartPosition(decl);
      String outer =
          text.substring(0, ASTHelpers.getStartPosition(site) - declStart)
              + name
              + text.substring(state.getEndPosition(site) - declStart);
      return List.of(inner, outer);
    }

    // ---- shape: an acquisition in a try-with-resources header whose decorator can throw -------

    private SuggestedFix splitInHeader(VariableTree decl, TreePath declPath, Tree site) {
      CannotFix.check(wrapperThrows(site, declPath), NoFix.UNSUPPORTED);
      List<String> texts = resourceTexts(decl, declPath);
      int start = ASTHelpers.getStartPosition(decl);
      int end = state.getEndPosition(decl);
      String indent = indentation(startOf(declPath.getParentPath().getLeaf()));
      String oneLine = String.join("; ", texts);
      int column = start - lineStartOf(start);
      String joined =
          column + oneLine.length() <= 90 ? oneLine : String.join(";\n" + indent + "    ", texts);
      // A resource followed by another one ends with its separator; keep it.
      if (source.subSequence(start, end).toString().stripTrailing().endsWith(";")) {
        joined += ";";
      }
      return fix.replace(start, end, joined).build();
    }

    // ---- shape: T x = null; ... x = open(); -----------------------------------------------

    private SuggestedFix assigned(TreePath assignmentPath, Set<Symbol> aliases) {
      AssignmentTree assignment = (AssignmentTree) assignmentPath.getLeaf();
      Symbol var = ASTHelpers.getSymbol(assignment.getVariable());
      CannotFix.check(
          assignmentPath.getParentPath().getLeaf() instanceof ExpressionStatementTree,
          NoFix.NOT_IN_A_BLOCK);
      CannotFix.check(isAutoCloseable(var.type), NoFix.NOT_AUTO_CLOSEABLE);
      CannotFix.check(assignmentsOf(var) == 1, NoFix.REASSIGNED);
      TreePath statementPath = assignmentPath.getParentPath();
      TreePath containerPath = statementPath.getParentPath();
      CannotFix.check(containerPath.getLeaf() instanceof BlockTree, NoFix.NOT_IN_A_BLOCK);
      TreePath declPath = declarationOf(var, containerPath);
      CannotFix.check(declPath != null, NoFix.UNSUPPORTED);
      // Assigned in a loop that does not hold the declaration: assigned again on every turn.
      for (TreePath p = statementPath; p.getLeaf() != declPath.getParentPath().getLeaf(); ) {
        CannotFix.check(
            !(p.getLeaf() instanceof com.sun.source.tree.ForLoopTree
                || p.getLeaf() instanceof EnhancedForLoopTree
                || p.getLeaf() instanceof com.sun.source.tree.WhileLoopTree
                || p.getLeaf() instanceof com.sun.source.tree.DoWhileLoopTree),
            NoFix.REASSIGNED);
        p = p.getParentPath();
        CannotFix.check(p != null, NoFix.UNSUPPORTED);
      }
      if (declPath.getParentPath().getLeaf() == containerPath.getLeaf()) {
        return assignedInBlock(declPath, statementPath, aliases);
      }
      TreePath tryPath = containerPath.getParentPath();
      CannotFix.check(
          tryPath.getLeaf() instanceof TryTree t
              && t.getBlock() == containerPath.getLeaf()
              && t.getResources().isEmpty()
              && tryPath.getParentPath().getLeaf() == declPath.getParentPath().getLeaf(),
          NoFix.UNSUPPORTED);
      return assignedInTry(tryPath, aliases);
    }

    /** {@code T x = null; ... x = open(); uses...} in one block. */
    private SuggestedFix assignedInBlock(
        TreePath declPath, TreePath statementPath, Set<Symbol> aliases) {
      VariableTree decl = (VariableTree) declPath.getLeaf();
      Symbol var = ASTHelpers.getSymbol(decl);
      TreePath blockPath = declPath.getParentPath();
      List<? extends StatementTree> statements = ((BlockTree) blockPath.getLeaf()).getStatements();
      int declIndex = statements.indexOf(decl);
      int index = statements.indexOf(statementPath.getLeaf());
      for (int i = declIndex + 1; i < index; i++) {
        CannotFix.check(!Uses.mentions(statements.get(i), Set.of(var)), NoFix.UNSUPPORTED);
      }
      Region region = region(blockPath, statements, index + 1, Set.of(var), aliases);
      AssignmentTree assignment =
          (AssignmentTree) ((ExpressionStatementTree) statementPath.getLeaf()).getExpression();
      String resource =
          declaredType(decl) + " " + decl.getName() + " = " + text(assignment.getExpression());
      checkCloseExceptions(var.type, statementPath);
      int[] declSpan = lineSpan(decl);
      TextEdits edits = region.edits();
      edits.delete(declSpan[0], declSpan[1]);
      int start = ASTHelpers.getStartPosition(statementPath.getLeaf());
      int headerEnd = state.getEndPosition(statementPath.getLeaf());
      edits.replace(
          start, headerEnd, hoistedText(region, indentation(start)) + "try (" + resource + ") {");
      return wrap(declSpan[0], headerEnd, region, blockPath);
    }

    /**
     * {@code T x = null; try { x = open(); ... } finally { if (x != null) x.close(); }}, with
     * possibly several resources assigned at the start of the try block.
     */
    private SuggestedFix assignedInTry(TreePath tryPath, Set<Symbol> aliases) {
      TryTree tryTree = (TryTree) tryPath.getLeaf();
      TreePath outerPath = tryPath.getParentPath();
      CannotFix.check(outerPath.getLeaf() instanceof BlockTree, NoFix.NOT_IN_A_BLOCK);
      List<? extends StatementTree> outer = ((BlockTree) outerPath.getLeaf()).getStatements();
      int tryIndex = outer.indexOf(tryTree);
      TreePath blockPath = new TreePath(tryPath, tryTree.getBlock());
      List<? extends StatementTree> inner = tryTree.getBlock().getStatements();
      // The resources: the leading assignments of null-declared locals.
      List<VariableTree> decls = new ArrayList<>();
      List<String> resources = new ArrayList<>();
      List<@Nullable String> gaps = new ArrayList<>();
      Set<Symbol> vars = new LinkedHashSet<>();
      int headerCount = 0;
      for (StatementTree s : inner) {
        if (!(s instanceof ExpressionStatementTree es)
            || !(es.getExpression() instanceof AssignmentTree a)
            || !(ASTHelpers.getSymbol(a.getVariable()) instanceof Symbol v)
            || !isLocal(v)
            || !isAutoCloseable(v.type)
            || assignmentsOf(v) != 1
            || innermostAcquisition(a.getExpression()) == null) {
          break;
        }
        TreePath declPath = declarationOf(v, outerPath);
        if (declPath == null || declPath.getParentPath().getLeaf() != outerPath.getLeaf()) {
          break;
        }
        VariableTree decl = (VariableTree) declPath.getLeaf();
        if (outer.indexOf(decl) > tryIndex) {
          break;
        }
        if (headerCount > 0) {
          gaps.add(
              commentGap(
                  state.getEndPosition(inner.get(headerCount - 1)),
                  startOf(s),
                  indentation(startOf(tryTree))));
        }
        decls.add(decl);
        vars.add(v);
        resources.add(declaredType(decl) + " " + decl.getName() + " = " + text(a.getExpression()));
        checkCloseExceptions(v.type, new TreePath(blockPath, s));
        headerCount++;
      }
      CannotFix.check(headerCount > 0, NoFix.UNSUPPORTED);
      String tryIndent = indentation(startOf(tryTree));
      // Comments before the first assignment go before the try.
      String leading =
          commentLines(startOf(tryTree.getBlock()) + 1, startOf(inner.get(0)), tryIndent);
      // Nothing else may mention them: not before the try, not after it.
      for (int i = 0; i < outer.size(); i++) {
        StatementTree s = outer.get(i);
        if (s != tryTree && !decls.contains(s)) {
          CannotFix.check(!Uses.mentions(s, vars), NoFix.USED_AFTER_CLOSE);
        }
      }
      Uses uses = new Uses(vars, aliases, model, this::mayHoldResource, state.getTypes());
      List<? extends StatementTree> body = inner.subList(headerCount, inner.size());
      for (StatementTree s : body) {
        uses.scan(new TreePath(blockPath, s));
      }
      Flow flow = new Flow(tryTree.getBlock(), body, uses, model, state);
      List<TreePath> inBlock = new ArrayList<>(uses.closes);
      List<TreePath> resourceTries = new ArrayList<>(uses.resourceTries);
      for (CatchTree c : tryTree.getCatches()) {
        uses.scan(new TreePath(new TreePath(tryPath, c), c.getBlock()));
      }
      if (tryTree.getFinallyBlock() != null) {
        uses.scan(new TreePath(tryPath, tryTree.getFinallyBlock()));
      }
      for (TreePath release : uses.closes) {
        if (inBlock.contains(release)) {
          flow.checkAfter(release);
        } else {
          if (Flow.contains(tryTree.getFinallyBlock(), release.getLeaf())) {
            // The catches did not see what close() threw in the finally; in the header they would.
            for (Symbol v : vars) {
              checkCatchesMissClose(tryTree, v.type);
            }
          }
          flow.checkQuiet(release, tryTree);
          CannotFix.check(
              Flow.contains(tryTree.getFinallyBlock(), release.getLeaf())
                  || isInCatch(release, tryTree),
              NoFix.UNSUPPORTED);
        }
      }
      for (TreePath t : resourceTries) {
        flow.checkAfterStatement(t);
      }
      checkAliasesDeclaredIn(uses.aliases(), body);
      TextEdits edits = new TextEdits(source);
      Removals removals = new Removals(edits, uses, tryTree);
      removals.removeAll(uses.closes);
      removals.unwrapResources(uses.resourceTries);
      int from = Integer.MAX_VALUE;
      for (VariableTree d : decls) {
        int[] span = lineSpan(d);
        edits.delete(span[0], span[1]);
        from = Math.min(from, span[0]);
      }
      int headerEnd = state.getEndPosition(inner.get(headerCount - 1));
      edits.replace(startOf(tryTree), headerEnd, leading + header(resources, gaps, tryIndent));
      int to = state.getEndPosition(tryTree);
      // The try keeps its indentation; a try unwrapped inside it loses one level of the file's.
      String unit = indentUnit(indentation(startOf(inner.get(0))), startOf(tryTree));
      String text = edits.render(from, to, to, to, unit);
      return fix.replace(from, to, text).build();
    }

    /**
     * Fails when a catch of {@code tryTree} can catch a checked exception that {@code close()} of
     * {@code type} declares (or the other way round: {@code catch (FileNotFoundException e)}
     * catches some of what an {@code IOException} from close() may be).
     */
    private void checkCatchesMissClose(TryTree tryTree, Type type) {
      MethodSymbol close = findRelease(type, "close");
      CannotFix.check(close != null, NoFix.NOT_AUTO_CLOSEABLE);
      for (CatchTree c : tryTree.getCatches()) {
        Tree caught = c.getParameter().getType();
        List<? extends Tree> alternatives =
            caught instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(caught);
        for (Tree alternative : alternatives) {
          Type catchType = ASTHelpers.getType(alternative);
          for (Type thrown : close.getThrownTypes()) {
            CannotFix.check(
                catchType == null
                    || !isChecked(thrown)
                    || !(ASTHelpers.isSubtype(thrown, catchType, state)
                        || ASTHelpers.isSubtype(catchType, thrown, state)),
                NoFix.CATCH_WOULD_CATCH_CLOSE);
          }
        }
      }
    }

    private static boolean isInCatch(TreePath release, TryTree tryTree) {
      for (CatchTree c : tryTree.getCatches()) {
        if (Flow.contains(c, release.getLeaf())) {
          return true;
        }
      }
      return false;
    }

    // ---- shape: an @Owning parameter the method must release ------------------------------

    /**
     * {@code void consume(@Owning InputStream in) { body }}: the body goes into {@code try (in)}.
     */
    private SuggestedFix owningParameter(VariableTree parameter, MethodTree method) {
      Symbol sym = ASTHelpers.getSymbol(parameter);
      CannotFix.check(isAutoCloseable(sym.type), NoFix.NOT_AUTO_CLOSEABLE);
      CannotFix.check(assignmentsOf(sym) == 0, NoFix.REASSIGNED);
      // try (x) with an existing variable needs Java 9.
      CannotFix.check(
          com.sun.tools.javac.code.Source.instance(state.context)
                  .compareTo(com.sun.tools.javac.code.Source.JDK9)
              >= 0,
          NoFix.UNSUPPORTED);
      BlockTree body = method.getBody();
      CannotFix.check(body != null && !body.getStatements().isEmpty(), NoFix.UNSUPPORTED);
      TreePath bodyPath = new TreePath(unitPath, body);
      List<? extends StatementTree> statements = body.getStatements();
      CannotFix.check(
          !(statements.get(0) instanceof ExpressionStatementTree es
              && es.getExpression() instanceof MethodInvocationTree call
              && ASTHelpers.getSymbol(call) instanceof MethodSymbol m
              && m.isConstructor()),
          NoFix.UNSUPPORTED); // this(...) or super(...) must stay first
      Uses uses = new Uses(Set.of(sym), Set.of(), model, this::mayHoldResource, state.getTypes());
      for (StatementTree s : statements) {
        uses.scan(new TreePath(bodyPath, s));
      }
      Flow flow = new Flow(body, statements, uses, model, state);
      for (TreePath release : uses.closes) {
        flow.checkAfter(release);
      }
      for (TreePath t : uses.resourceTries) {
        flow.checkAfterStatement(t);
      }
      checkAliasesDeclaredIn(uses.aliases(), statements);
      checkCloseExceptions(sym.type, new TreePath(bodyPath, statements.get(0)));
      TextEdits edits = new TextEdits(source);
      Removals removals = new Removals(edits, uses, null);
      removals.removeAll(uses.closes);
      removals.unwrapResources(uses.resourceTries);
      int from = startOf(statements.get(0));
      int to = endOfLineComment(state.getEndPosition(statements.get(statements.size() - 1)));
      String indent = indentation(from);
      String unit = indentUnit(indent, startOf(body));
      edits.replace(from, from, "try (" + parameter.getName() + ") {\n" + indent + unit);
      String text = edits.render(from, to, from, to, unit);
      String closing = text.endsWith("\n") ? indent + "}" : "\n" + indent + "}";
      return fix.replace(from, to, text + closing).build();
    }

    // ---- shape: a resource used within one statement ---------------------------------------

    private SuggestedFix expressionOnly(Leak leak) {
      TreePath sitePath = TreePath.getPath(unitPath, leak.site());
      CannotFix.check(sitePath != null, NoFix.UNSUPPORTED);
      // The resource is the acquisition with the decorators around it that cannot throw.
      TreePath valuePath = sitePath;
      while (valuePath.getParentPath().getLeaf() instanceof NewClassTree wrapper
          && leak.temporaries().contains(wrapper)
          && wrapper.getArguments().contains(valuePath.getLeaf())
          && !throwsChecked(ASTHelpers.getSymbol(wrapper))) {
        valuePath = valuePath.getParentPath();
      }
      ExpressionTree value = (ExpressionTree) valuePath.getLeaf();
      CannotFix.check(
          !(leak.site() instanceof MethodInvocationTree call
              && call.getMethodSelect() instanceof MemberSelectTree s
              && innermostAcquisition(s.getExpression()) != null),
          NoFix.INSIDE_ANOTHER);
      TreePath statementPath = valuePath;
      while (!(statementPath.getLeaf() instanceof StatementTree)) {
        statementPath = statementPath.getParentPath();
        CannotFix.check(statementPath != null, NoFix.NOT_IN_A_BLOCK);
      }
      StatementTree statement = (StatementTree) statementPath.getLeaf();
      CannotFix.check(
          statementPath.getParentPath().getLeaf() instanceof BlockTree, NoFix.NOT_IN_A_BLOCK);
      // this(open(...)) or super(open(...)): the object being built keeps the resource, and the
      // call must stay the constructor's first statement, outside any try.
      CannotFix.check(
          !(statement instanceof ExpressionStatementTree es
              && es.getExpression() instanceof MethodInvocationTree call
              && ASTHelpers.getSymbol(call) instanceof MethodSymbol m
              && m.isConstructor()),
          NoFix.ESCAPES);
      checkEvaluatedFirst(valuePath, statement);
      Type type = ASTHelpers.getType(value);
      CannotFix.check(isAutoCloseable(type), NoFix.NOT_AUTO_CLOSEABLE);
      checkCloseExceptions(type, statementPath);
      if (statement instanceof ExpressionStatementTree es && es.getExpression() == value) {
        // Opened for its side effect only: close it right away.
        return fix.replace(startOf(value), state.getEndPosition(value), text(value) + ".close()")
            .build();
      }
      // Everything the statement does with the resource moves into the try block.
      String name = freshName(type, value);
      BlockTree block = (BlockTree) statementPath.getParentPath().getLeaf();
      String indent = indentation(startOf(statement));
      String unit = indentUnit(indent, startOf(block));
      int start = startOf(statement);
      int end = endOfLineComment(state.getEndPosition(statement));
      TextEdits edits = new TextEdits(source);
      edits.replace(startOf(value), state.getEndPosition(value), name);
      String hoisted = "";
      if (statement instanceof VariableTree v && usedLater(v, block)) {
        // The variable outlives the try: declare it before and assign it inside. Not when it
        // holds something made from the resource (a statement of the connection, an entry stream
        // of the zip file): that would be used after the resource is closed.
        CannotFix.check(v.getInitializer() != null, NoFix.UNSUPPORTED);
        CannotFix.check(
            !mayHoldResource(ASTHelpers.getType(v.getInitializer())), NoFix.USED_AFTER_CLOSE);
        hoisted = declaredType(v) + " " + v.getName() + ";\n" + indent;
        edits.replace(start, startOf(v.getInitializer()), v.getName() + " = ");
      }
      String body = edits.render(start, end, start + 1, end, unit);
      String header = "try (" + resourceTypeText(type) + " " + name + " = " + text(value) + ") {";
      return fix.replace(
              start, end, hoisted + header + "\n" + indent + unit + body + "\n" + indent + "}")
          .build();
    }

    /**
     * The resource must be the first thing the statement evaluates, and unconditionally: moving it
     * into a try header must not run it earlier than something with effects, or run it when the
     * original would not.
     */
    private void checkEvaluatedFirst(TreePath valuePath, StatementTree statement) {
      TreePath p = valuePath;
      while (p.getLeaf() != statement) {
        Tree child = p.getLeaf();
        Tree parent = p.getParentPath().getLeaf();
        boolean ok =
            switch (parent) {
              case ParenthesizedTree pt -> true;
              case TypeCastTree tc -> true;
              case MemberSelectTree ms -> true;
              case UnaryTree u -> true;
              case MethodInvocationTree call -> {
                if (call.getMethodSelect() == child) {
                  yield true;
                }
                int k = call.getArguments().indexOf(child);
                boolean pure =
                    !(call.getMethodSelect() instanceof MemberSelectTree s)
                        || isPure(s.getExpression());
                for (int i = 0; i < k; i++) {
                  pure &= isPure(call.getArguments().get(i));
                }
                yield k >= 0 && pure;
              }
              case NewClassTree creation -> {
                int k = creation.getArguments().indexOf(child);
                boolean pure = creation.getEnclosingExpression() == null;
                for (int i = 0; i < k; i++) {
                  pure &= isPure(creation.getArguments().get(i));
                }
                yield k >= 0 && pure;
              }
              case BinaryTree b ->
                  b.getLeftOperand() == child
                      || (b.getKind() != Tree.Kind.CONDITIONAL_AND
                          && b.getKind() != Tree.Kind.CONDITIONAL_OR
                          && isPure(b.getLeftOperand()));
              case ConditionalExpressionTree c -> c.getCondition() == child;
              case AssignmentTree a -> a.getExpression() == child && isPure(a.getVariable());
              case VariableTree v -> v.getInitializer() == child;
              case ReturnTree r -> true;
              case ExpressionStatementTree es -> true;
              case EnhancedForLoopTree loop -> loop.getExpression() == child;
              case IfTree i -> i.getCondition() == child;
              case SwitchTree s -> s.getExpression() == child;
              default -> false;
            };
        CannotFix.check(ok, NoFix.ORDER_OF_EVALUATION);
        p = p.getParentPath();
      }
    }

    /**
     * Whether evaluating {@code e} has no effect: names, literals, operators over such, and
     * parameterless {@code isX()}/{@code hasX()} queries on them.
     */
    private static boolean isPure(ExpressionTree e) {
      return switch (e) {
        case IdentifierTree id -> true;
        case LiteralTree lit -> true;
        case MemberSelectTree ms -> isPure(ms.getExpression());
        case ParenthesizedTree pt -> isPure(pt.getExpression());
        case BinaryTree b -> isPure(b.getLeftOperand()) && isPure(b.getRightOperand());
        case UnaryTree u ->
            (u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
                    || u.getKind() == Tree.Kind.UNARY_MINUS
                    || u.getKind() == Tree.Kind.UNARY_PLUS
                    || u.getKind() == Tree.Kind.BITWISE_COMPLEMENT)
                && isPure(u.getExpression());
        case MethodInvocationTree call ->
            call.getArguments().isEmpty()
                && call.getMethodSelect() instanceof MemberSelectTree s
                && isPure(s.getExpression())
                && (s.getIdentifier().toString().startsWith("is")
                    || s.getIdentifier().toString().startsWith("has"));
        default -> false;
      };
    }

    private static boolean usedLater(VariableTree v, BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      Set<Symbol> sym = Set.of(ASTHelpers.getSymbol(v));
      for (int i = statements.indexOf(v) + 1; i < statements.size(); i++) {
        if (Uses.mentions(statements.get(i), sym)) {
          return true;
        }
      }
      return false;
    }

    // ---- the region a try block covers ---------------------------------------------------

    /** The statements a try block holds, and the edits to their text. */
    private record Region(
        int end, List<? extends StatementTree> statements, TextEdits edits, List<String> hoisted) {}

    /**
     * The statements from {@code start} through the last one that uses {@code vars} (and any later
     * one that uses what those declare), with the releases removed.
     */
    private Region region(
        TreePath blockPath,
        List<? extends StatementTree> statements,
        int start,
        Set<Symbol> vars,
        Set<Symbol> aliases) {
      Uses uses = new Uses(vars, aliases, model, this::mayHoldResource, state.getTypes(), release);
      int lastMention = start - 1;
      for (int i = start; i < statements.size(); i++) {
        int releases = uses.closes.size() + uses.resourceTries.size();
        boolean mentions = uses.scan(new TreePath(blockPath, statements.get(i)));
        if (mentions || uses.closes.size() + uses.resourceTries.size() > releases) {
          lastMention = i;
        }
      }
      if (lastMention < start) {
        // Never used again, as a lock or a timer: it was held to the end of the block.
        CannotFix.check(start < statements.size(), NoFix.UNSUPPORTED);
        lastMention = statements.size() - 1;
      }
      int end = extendOverLaterUses(statements, start, lastMention);
      CannotFix.check(end >= 0, NoFix.UNSUPPORTED);
      boolean extensionSafe = true;
      for (int i = lastMention + 1; i <= end; i++) {
        extensionSafe &= Flow.observesNothing(statements.get(i), model, state.getTypes());
      }
      TextEdits edits = new TextEdits(source);
      List<String> hoisted = new ArrayList<>();
      if (!extensionSafe) {
        // The try cannot grow over the later statements: declare before it what they need.
        hoist(statements, start, lastMention, uses.aliases(), edits, hoisted);
        end = lastMention;
      }
      List<? extends StatementTree> covered = statements.subList(start, end + 1);
      Flow flow = new Flow(blockPath.getLeaf(), covered, uses, model, state);
      for (TreePath release : uses.closes) {
        flow.checkAfter(release);
      }
      for (TreePath t : uses.resourceTries) {
        flow.checkAfterStatement(t);
      }
      checkAliasesDeclaredIn(uses.aliases(), covered);
      Removals removals = new Removals(edits, uses, null);
      removals.removeAll(uses.closes);
      removals.unwrapResources(uses.resourceTries);
      return new Region(end, covered, edits, hoisted);
    }

    /**
     * Moves the declarations among {@code statements[start..last]} that later statements use to
     * before the try: {@code T x;} there, {@code x = ...;} in place. A wrapper of the resource
     * cannot move: it would be used after the resource is closed.
     */
    private void hoist(
        List<? extends StatementTree> statements,
        int start,
        int last,
        Set<Symbol> aliases,
        TextEdits edits,
        List<String> hoisted) {
      List<? extends StatementTree> later = statements.subList(last + 1, statements.size());
      for (int i = start; i <= last; i++) {
        StatementTree s = statements.get(i);
        CannotFix.check(!(s instanceof ClassTree), NoFix.UNSUPPORTED);
        if (!(s instanceof VariableTree v)) {
          continue;
        }
        Symbol sym = ASTHelpers.getSymbol(v);
        boolean usedLater = false;
        for (StatementTree l : later) {
          usedLater |= Uses.mentions(l, Set.of(sym));
        }
        if (!usedLater) {
          continue;
        }
        CannotFix.check(!aliases.contains(sym), NoFix.MOVES_PAST_EFFECT);
        // int a = 1, b = 2; is two trees over one statement: leave that alone.
        CannotFix.check(
            (i == 0 || startOf(statements.get(i - 1)) != startOf(v))
                && (i + 1 >= statements.size() || startOf(statements.get(i + 1)) != startOf(v)),
            NoFix.LAYOUT);
        hoisted.add(declaredType(v) + " " + v.getName() + ";");
        if (v.getInitializer() == null) {
          int[] span = lineSpan(v);
          CannotFix.check(span[2] == 1, NoFix.LAYOUT);
          edits.delete(span[0], span[1]);
        } else {
          edits.replace(startOf(v), startOf(v.getInitializer()), v.getName() + " = ");
        }
      }
    }

    /** The hoisted declarations, each on its own line, to go before the try. */
    private static String hoistedText(Region region, String indent) {
      StringBuilder sb = new StringBuilder();
      for (String h : region.hoisted()) {
        sb.append(h).append('\n').append(indent);
      }
      return sb.toString();
    }

    private void checkAliasesDeclaredIn(Set<Symbol> aliases, List<? extends StatementTree> in) {
      Set<Symbol> declared = new HashSet<>();
      for (StatementTree s : in) {
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree tree, Void unused) {
            declared.add(ASTHelpers.getSymbol(tree));
            return super.visitVariable(tree, unused);
          }
        }.scan(s, null);
      }
      for (Symbol alias : aliases) {
        CannotFix.check(declared.contains(alias), NoFix.ESCAPES);
        // A wrapper closed by hand and then by the try: fine if closing twice is harmless.
        CannotFix.check(
            !isAutoCloseable(alias.type) || isCloseableIdempotent(alias.type), NoFix.UNSUPPORTED);
      }
    }

    /**
     * The index of the last statement the try block must cover so that every declaration inside it
     * stays in scope for its uses; -1 when a local class is declared there.
     */
    private static int extendOverLaterUses(
        List<? extends StatementTree> statements, int start, int lastUse) {
      int end = lastUse;
      boolean changed = true;
      while (changed) {
        changed = false;
        Set<Symbol> declared = new HashSet<>();
        for (int i = start; i <= end; i++) {
          if (statements.get(i) instanceof VariableTree v && ASTHelpers.getSymbol(v) != null) {
            declared.add(ASTHelpers.getSymbol(v));
          } else if (statements.get(i) instanceof ClassTree) {
            return -1;
          }
        }
        for (int i = end + 1; i < statements.size(); i++) {
          if (!declared.isEmpty() && Uses.mentions(statements.get(i), declared)) {
            end = i;
            changed = true;
          }
        }
      }
      return end;
    }

    /**
     * {@code try (a; b) {}}, with each resource on its own line when they do not fit on one or
     * comments come between them (the continuation indented by four more columns, as
     * google-java-format does).
     *
     * @param gaps for each resource after the first, the comments before it (from {@link
     *     #commentGap}), or null
     */
    private static String header(
        List<String> resources, List<@Nullable String> gaps, String indent) {
      String oneLine = "try (" + String.join("; ", resources) + ") {";
      boolean comments = gaps.stream().anyMatch(g -> g != null);
      if (resources.size() == 1 || (!comments && indent.length() + oneLine.length() <= 100)) {
        return oneLine;
      }
      StringBuilder sb = new StringBuilder("try (").append(continued(resources.get(0)));
      for (int i = 1; i < resources.size(); i++) {
        String gap = gaps.get(i - 1);
        sb.append(';')
            .append(gap != null ? gap : "\n" + indent + "    ")
            .append(continued(resources.get(i)));
      }
      return sb.append(") {").toString();
    }

    /**
     * A resource of a header with several, whose declaration spans lines: its continuation lines
     * get four more columns, so that they stand apart from the next resource (as google-java-format
     * lays them out). A text block keeps its lines as they are.
     */
    private static String continued(String resource) {
      return resource.contains("\"\"\"") ? resource : resource.replace("\n", "\n    ");
    }

    /**
     * The comments between two statements that become resources of one header, laid out for it: a
     * comment that ends the first line stays there, others get a line each; null when there are
     * none.
     *
     * @throws CannotFix if anything but comments and blanks is there
     */
    private @Nullable String commentGap(int from, int to, String indent) {
      if (isBlank(from, to)) {
        return null;
      }
      String[] lines = source.subSequence(from, to).toString().split("\r?\n", -1);
      StringBuilder sb = new StringBuilder();
      String first = lines[0].strip();
      CannotFix.check(first.isEmpty() || isComment(first), NoFix.LAYOUT);
      if (!first.isEmpty()) {
        sb.append(' ').append(first);
      }
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i].strip();
        if (!line.isEmpty()) {
          CannotFix.check(isComment(line), NoFix.LAYOUT);
          sb.append('\n').append(indent).append("    ").append(line);
        }
      }
      return sb.append('\n').append(indent).append("    ").toString();
    }

    /** Comment lines in {@code [from, to)}, each on its own line at {@code indent}, then indent. */
    private String commentLines(int from, int to, String indent) {
      if (isBlank(from, to)) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (String line : source.subSequence(from, to).toString().split("\r?\n")) {
        String l = line.strip();
        if (!l.isEmpty()) {
          CannotFix.check(isComment(l), NoFix.LAYOUT);
          sb.append(l).append('\n').append(indent);
        }
      }
      return sb.toString();
    }

    private static boolean isComment(String line) {
      return line.startsWith("//")
          || line.startsWith("/*")
          || line.startsWith("*")
          || line.endsWith("*/");
    }

    /** Renders the try: the header edit is in place; the body gets one more level. */
    private SuggestedFix wrap(int from, int headerEnd, Region region, TreePath blockPath) {
      return wrap(from, headerEnd, region, blockPath, null);
    }

    /**
     * @param finallyStatement for a try/finally, the statement its finally block runs
     */
    private SuggestedFix wrap(
        int from,
        int headerEnd,
        Region region,
        TreePath blockPath,
        @Nullable String finallyStatement) {
      StatementTree lastStatement = region.statements().get(region.statements().size() - 1);
      int to = endOfLineComment(state.getEndPosition(lastStatement));
      String indent = indentation(ASTHelpers.getStartPosition(region.statements().get(0)));
      String unit = indentUnit(indent, startOf(blockPath.getLeaf()));
      String text = region.edits().render(from, to, headerEnd, to, unit);
      String closing = (text.endsWith("\n") ? "" : "\n") + indent + "}";
      if (finallyStatement != null) {
        closing += " finally {\n" + indent + unit + finallyStatement + "\n" + indent + "}";
      }
      return fix.replace(from, to, text + closing).build();
    }

    // ---- removing releases -----------------------------------------------------------------

    /** Removes release statements, and what they leave empty. */
    private final class Removals {
      private final TextEdits edits;
      private final Uses uses;
      private final @Nullable TryTree headerTry;
      private final Set<Tree> removed = new HashSet<>();

      /**
       * @param headerTry the try statement that gets the resources, if the rewrite reuses one: its
       *     finally may go, but the statement stays
       */
      Removals(TextEdits edits, Uses uses, @Nullable TryTree headerTry) {
        this.edits = edits;
        this.uses = uses;
        this.headerTry = headerTry;
      }

      void removeAll(List<TreePath> releases) {
        for (TreePath r : releases) {
          removed.add(r.getLeaf());
        }
        for (TreePath r : releases) {
          remove(r);
        }
      }

      private void remove(TreePath path) {
        Tree leaf = path.getLeaf();
        removed.add(leaf);
        TreePath parentPath = path.getParentPath();
        Tree parent = parentPath.getLeaf();
        if (parent instanceof BlockTree block) {
          boolean empty = removed.containsAll(block.getStatements());
          Tree owner = parentPath.getParentPath().getLeaf();
          if (empty && owner instanceof TryTree t && t.getFinallyBlock() == block) {
            dropFinally(parentPath.getParentPath());
            return;
          }
          if (empty
              && owner instanceof IfTree i
              && i.getThenStatement() == block
              && i.getElseStatement() == null
              && isPure(i.getCondition())) {
            remove(parentPath.getParentPath());
            return;
          }
          if (empty
              && owner instanceof IfTree i
              && i.getElseStatement() == block
              && isBareElse(i.getThenStatement(), block)) {
            // `} else { x.close(); }` with nothing else left: the else goes.
            edits.delete(state.getEndPosition(i.getThenStatement()), state.getEndPosition(block));
            return;
          }
          if (empty && owner instanceof BlockTree) {
            remove(parentPath);
            return;
          }
          if (owner instanceof CatchTree c && onlyRethrows(c, block)) {
            dropRethrowingCatch(parentPath.getParentPath());
            return;
          }
          int[] span = lineSpan(leaf);
          CannotFix.check(span[2] == 1, NoFix.LAYOUT);
          edits.delete(span[0], span[1]);
          return;
        }
        if (parent instanceof IfTree i
            && i.getThenStatement() == leaf
            && i.getElseStatement() == null
            && isPure(i.getCondition())) {
          remove(parentPath);
          return;
        }
        if (parent instanceof com.sun.source.tree.CaseTree) {
          int[] span = lineSpan(leaf);
          CannotFix.check(span[2] == 1, NoFix.LAYOUT);
          edits.delete(span[0], span[1]);
          return;
        }
        throw new CannotFix(NoFix.LAYOUT);
      }

      /** Whether only blanks and the keyword {@code else} lie between the two statements. */
      private boolean isBareElse(StatementTree then, BlockTree elseBlock) {
        int from = state.getEndPosition(then);
        int k = startOf(elseBlock);
        while (k > 0 && Character.isWhitespace(source.charAt(k - 1))) {
          k--;
        }
        return from > 0
            && k - 4 >= from
            && source.subSequence(k - 4, k).toString().equals("else")
            && isBlank(from, k - 4);
      }

      /** Whether what is left of the catch block is {@code throw e;} of its own parameter. */
      private boolean onlyRethrows(CatchTree c, BlockTree block) {
        List<StatementTree> rest = new ArrayList<>();
        for (StatementTree st : block.getStatements()) {
          if (!removed.contains(st)) {
            rest.add(st);
          }
        }
        return rest.size() == 1
            && rest.get(0) instanceof com.sun.source.tree.ThrowTree t
            && t.getExpression() instanceof IdentifierTree id
            && ASTHelpers.getSymbol(id) == ASTHelpers.getSymbol(c.getParameter());
      }

      /**
       * A catch that only rethrows what it caught, left after its release went: the last catch of a
       * try without finally can go (the exception propagates the same way), and the try with it
       * when nothing else is left.
       */
      private void dropRethrowingCatch(TreePath catchPath) {
        CatchTree c = (CatchTree) catchPath.getLeaf();
        TryTree t = (TryTree) catchPath.getParentPath().getLeaf();
        List<? extends CatchTree> catches = t.getCatches();
        int index = catches.indexOf(c);
        if (index != catches.size() - 1 || t.getFinallyBlock() != null || t == headerTry) {
          // Keep it; just drop the release.
          for (StatementTree st : c.getBlock().getStatements()) {
            if (removed.contains(st)) {
              int[] span = lineSpan(st);
              CannotFix.check(span[2] == 1, NoFix.LAYOUT);
              edits.delete(span[0], span[1]);
            }
          }
          return;
        }
        if (catches.size() == 1 && t.getResources().isEmpty()) {
          unwrap(t, "try");
          return;
        }
        Tree before = index == 0 ? t.getBlock() : catches.get(index - 1).getBlock();
        edits.delete(state.getEndPosition(before), state.getEndPosition(c));
      }

      /** A finally block with nothing left: drop it, and the try too if nothing else is left. */
      private void dropFinally(TreePath tryPath) {
        TryTree t = (TryTree) tryPath.getLeaf();
        if (t.getCatches().isEmpty() && t.getResources().isEmpty() && t != headerTry) {
          unwrap(t, "try");
          return;
        }
        Tree before =
            t.getCatches().isEmpty()
                ? t.getBlock()
                : t.getCatches().get(t.getCatches().size() - 1).getBlock();
        edits.delete(state.getEndPosition(before), state.getEndPosition(t.getFinallyBlock()));
      }

      /**
       * Replaces {@code try ... { body }} by the body, one level less indented. The header line
       * must hold only the header, and the closing brace's lines only the rest of the statement.
       */
      private void unwrap(TryTree t, String keyword) {
        int start = startOf(t);
        int lineStart = lineStartOf(start);
        CannotFix.check(isBlank(lineStart, start), NoFix.LAYOUT);
        int open = startOf(t.getBlock());
        CannotFix.check(source.charAt(open) == '{', NoFix.LAYOUT);
        int afterOpen = endOfLine(open + 1);
        CannotFix.check(afterOpen >= 0, NoFix.LAYOUT);
        int close = state.getEndPosition(t.getBlock()) - 1;
        CannotFix.check(source.charAt(close) == '}', NoFix.LAYOUT);
        int closeLine = lineStartOf(close);
        CannotFix.check(isBlank(closeLine, close), NoFix.LAYOUT);
        int end = state.getEndPosition(t);
        CannotFix.check(endOfLine(end) >= 0, NoFix.LAYOUT);
        CannotFix.check(source.subSequence(start, open).toString().startsWith("try"), NoFix.LAYOUT);
        edits.delete(lineStart, afterOpen);
        // From the line break before the closing brace through the end of the statement.
        int tailStart = closeLine > 0 ? closeLine - 1 : closeLine;
        if (tailStart > 0 && source.charAt(tailStart - 1) == '\r') {
          tailStart--;
        }
        edits.delete(tailStart, end);
        edits.dedent(afterOpen, closeLine);
      }

      /** {@code try (x; other) {...}}: drops the tracked resources from the header. */
      void unwrapResources(List<TreePath> tries) {
        for (TreePath p : tries) {
          TryTree t = (TryTree) p.getLeaf();
          List<String> kept = new ArrayList<>();
          for (Tree r : t.getResources()) {
            if (!(r instanceof IdentifierTree id && uses.tracks(ASTHelpers.getSymbol(id)))) {
              kept.add(text(r));
            }
          }
          boolean emptyFinally =
              t.getFinallyBlock() != null
                  && removed.containsAll(t.getFinallyBlock().getStatements());
          if (kept.isEmpty()
              && t.getCatches().isEmpty()
              && (t.getFinallyBlock() == null || emptyFinally)) {
            unwrap(t, "try (");
            continue;
          }
          int open = startOf(t.getBlock());
          edits.replace(
              startOf(t), open, kept.isEmpty() ? "try " : "try (" + String.join("; ", kept) + ") ");
        }
      }
    }

    // ---- model and type questions ------------------------------------------------------------

    /** The acquisition inside {@code value}: itself, or the innermost one its decorators wrap. */
    private @Nullable Tree innermostAcquisition(Tree value) {
      Tree v = value;
      while (v instanceof ParenthesizedTree || v instanceof TypeCastTree) {
        v =
            v instanceof ParenthesizedTree p
                ? p.getExpression()
                : ((TypeCastTree) v).getExpression();
      }
      if (acquisitions.contains(v)) {
        return v;
      }
      if (v instanceof NewClassTree creation) {
        for (ExpressionTree a : creation.getArguments()) {
          Tree inner = innermostAcquisition(a);
          if (inner != null) {
            return inner;
          }
        }
      }
      if (v instanceof MethodInvocationTree call
          && call.getMethodSelect() instanceof MemberSelectTree s) {
        return innermostAcquisition(s.getExpression());
      }
      return null;
    }

    /** Whether every value {@code value} can have is a resource acquired here. */
    private boolean ownedOnEveryPath(Tree value) {
      Tree v = value;
      while (v instanceof ParenthesizedTree || v instanceof TypeCastTree) {
        v =
            v instanceof ParenthesizedTree p
                ? p.getExpression()
                : ((TypeCastTree) v).getExpression();
      }
      if (v instanceof ConditionalExpressionTree c) {
        return ownedOnEveryPath(c.getTrueExpression()) && ownedOnEveryPath(c.getFalseExpression());
      }
      if (v instanceof com.sun.source.tree.SwitchExpressionTree sw) {
        for (com.sun.source.tree.CaseTree c : sw.getCases()) {
          if (c.getCaseKind() != com.sun.source.tree.CaseTree.CaseKind.RULE
              || !(c.getBody() instanceof ExpressionTree body)
              || !ownedOnEveryPath(body)) {
            return false;
          }
        }
        return !sw.getCases().isEmpty();
      }
      return innermostAcquisition(v) != null;
    }

    /** Whether a decorator between the acquisition and the declaration can throw. */
    private boolean wrapperThrows(Tree site, TreePath declPath) {
      TreePath sitePath = TreePath.getPath(declPath, site);
      for (TreePath p = sitePath == null ? null : sitePath.getParentPath();
          p != null && p.getLeaf() != declPath.getLeaf();
          p = p.getParentPath()) {
        if (p.getLeaf() instanceof NewClassTree || p.getLeaf() instanceof MethodInvocationTree) {
          if (throwsChecked(ASTHelpers.getSymbol(p.getLeaf()))) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean throwsChecked(@Nullable Symbol s) {
      if (s instanceof MethodSymbol m) {
        for (Type thrown : m.getThrownTypes()) {
          if (isChecked(thrown)) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * A class loader stays needed by every class it loaded, and those outlive any block: closing it
     * at the end of one breaks the first class that loads another class lazily. The model's {@code
     * keep-open} entries name such types.
     */
    private void checkNotClassLoader(@Nullable Type type) {
      CannotFix.check(!model.isKeptOpen(type), NoFix.KEPT_OPEN);
    }

    private boolean mayHoldResource(@Nullable Type type) {
      return isAutoCloseable(type) && !model.isNotResourceType(type);
    }

    private boolean isAutoCloseable(@Nullable Type type) {
      return type != null
          && !type.isErroneous()
          && ASTHelpers.isSubtype(type, state.getSymtab().autoCloseableType, state);
    }

    /** Closing twice is harmless: {@code Closeable} says so, and so does JDBC. */
    private boolean isCloseableIdempotent(@Nullable Type type) {
      Type closeable = state.getTypeFromString("java.io.Closeable");
      return type != null
          && ((closeable != null && ASTHelpers.isSubtype(type, closeable, state))
              || type.tsym.getQualifiedName().toString().startsWith("java.sql."));
    }

    private static boolean isLocal(Symbol s) {
      return s.getKind() == ElementKind.LOCAL_VARIABLE
          || s.getKind() == ElementKind.RESOURCE_VARIABLE;
    }

    /** How often {@code var} is assigned after its declaration, anywhere in the unit. */
    private int assignmentsOf(Symbol var) {
      int[] count = {0};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          count[0] += ASTHelpers.getSymbol(tree.getVariable()) == var ? 1 : 0;
          return super.visitAssignment(tree, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
          count[0] += ASTHelpers.getSymbol(tree.getVariable()) == var ? 1 : 0;
          return super.visitCompoundAssignment(tree, unused);
        }

        @Override
        public Void visitUnary(UnaryTree tree, Void unused) {
          count[0] += ASTHelpers.getSymbol(tree.getExpression()) == var ? 1 : 0;
          return super.visitUnary(tree, unused);
        }
      }.scan(unitPath.getLeaf(), null);
      return count[0];
    }

    /** The declaration of local {@code var}, searched from {@code from} outwards. */
    private @Nullable TreePath declarationOf(Symbol var, TreePath from) {
      for (TreePath p = from; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof BlockTree b) {
          for (StatementTree s : b.getStatements()) {
            if (s instanceof VariableTree v && ASTHelpers.getSymbol(v) == var) {
              boolean nullOrNothing =
                  v.getInitializer() == null
                      || v.getInitializer().getKind() == Tree.Kind.NULL_LITERAL;
              return nullOrNothing ? new TreePath(p, s) : null;
            }
          }
        }
        if (p.getLeaf() instanceof MethodTree) {
          return null;
        }
      }
      return null;
    }

    /** Whether the checked exceptions of the resource's {@code close()} are caught or declared. */
    private void checkCloseExceptions(@Nullable Type type, TreePath where) {
      checkReleaseExceptions(type, "close", where);
    }

    /** Whether the checked exceptions of the release method {@code name} are caught or declared. */
    private void checkReleaseExceptions(@Nullable Type type, String name, TreePath where) {
      CannotFix.check(type != null, NoFix.UNSUPPORTED);
      MethodSymbol close = findRelease(type, name);
      CannotFix.check(close != null, NoFix.NOT_AUTO_CLOSEABLE);
      for (Type thrown : close.getThrownTypes()) {
        CannotFix.check(
            !isChecked(thrown) || Handlers.isCaughtOrDeclared(thrown, where, state),
            NoFix.CLOSE_EXCEPTION_UNHANDLED);
      }
    }

    /** The {@code close()} a call on {@code type} resolves to: the first one up its supertypes. */
    private @Nullable MethodSymbol findRelease(Type type, String name) {
      for (Type t : state.getTypes().closure(type)) {
        for (Symbol member : t.tsym.members().getSymbolsByName(state.getName(name))) {
          if (member instanceof MethodSymbol m && m.getParameters().isEmpty()) {
            return m;
          }
        }
      }
      return null;
    }

    private boolean isChecked(Type t) {
      return !ASTHelpers.isSubtype(t, state.getSymtab().runtimeExceptionType, state)
          && !ASTHelpers.isSubtype(t, state.getSymtab().errorType, state);
    }

    // ---- names and types in the text -----------------------------------------------------------

    /**
     * The type as source text: simple names where an import or the package makes them visible, an
     * added import where nothing else uses the simple name, the qualified name otherwise.
     */
    private String typeText(@Nullable Type type) {
      CannotFix.check(type != null && !type.isErroneous(), NoFix.UNSUPPORTED);
      if (type.isPrimitive()) {
        return type.toString();
      }
      if (type instanceof Type.ArrayType array) {
        return typeText(array.elemtype) + "[]";
      }
      if (type instanceof Type.WildcardType w) {
        return switch (w.kind) {
          case UNBOUND -> "?";
          case EXTENDS -> "? extends " + typeText(w.type);
          case SUPER -> "? super " + typeText(w.type);
        };
      }
      CannotFix.check(
          type instanceof Type.ClassType
              && type.tsym instanceof Symbol.ClassSymbol c
              && !c.isAnonymous()
              && !c.isDirectlyOrIndirectlyLocal(),
          NoFix.UNSUPPORTED);
      String name = className((Symbol.ClassSymbol) type.tsym);
      List<Type> args = type.getTypeArguments();
      if (args.isEmpty()) {
        return name;
      }
      List<String> texts = new ArrayList<>();
      for (Type a : args) {
        texts.add(typeText(a));
      }
      return name + "<" + String.join(", ", texts) + ">";
    }

    private String className(Symbol.ClassSymbol c) {
      if (c.owner instanceof Symbol.ClassSymbol outer) {
        return className(outer) + "." + c.getSimpleName();
      }
      String qualified = c.getQualifiedName().toString();
      String simple = c.getSimpleName().toString();
      String pkg = c.packge().getQualifiedName().toString();
      var unit = unitPath.getCompilationUnit();
      String own = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
      boolean clash = false;
      boolean imported = pkg.equals("java.lang") || pkg.equals(own);
      for (var imp : unit.getImports()) {
        String target = text(imp.getQualifiedIdentifier());
        if (imp.isStatic()) {
          continue;
        }
        if (target.equals(qualified) || target.equals(pkg + ".*")) {
          imported = true;
        } else if (target.endsWith("." + simple)) {
          clash = true;
        }
      }
      for (Tree t : unit.getTypeDecls()) {
        if (t instanceof ClassTree ct
            && ct.getSimpleName().contentEquals(simple)
            && !qualified.equals(own.isEmpty() ? simple : own + "." + simple)) {
          clash = true;
        }
      }
      if (clash) {
        return qualified;
      }
      if (!imported) {
        // No import: Error Prone rewrites the whole import block to add one (sorting it and
        // dropping its comments). The qualified name, or `var` where it can go, keeps it as is.
        unimportedNames++;
        return qualified;
      }
      return simple;
    }

    /**
     * The type of a new try-with-resources variable: its simple name when the file can use it as
     * is, else {@code var} (Java 10 and later), else its qualified name.
     */
    private String resourceTypeText(@Nullable Type type) {
      int before = unimportedNames;
      String text = typeText(type);
      boolean varAllowed =
          com.sun.tools.javac.code.Source.instance(state.context)
                  .compareTo(com.sun.tools.javac.code.Source.JDK10)
              >= 0;
      return unimportedNames > before && varAllowed ? "var" : text;
    }

    /** The declared type of a local, as written, or printed when it was written {@code var}. */
    private String declaredType(VariableTree v) {
      String modifiers =
          startOf(v.getModifiers()) < 0 || state.getEndPosition(v.getModifiers()) < 0
              ? ""
              : text(v.getModifiers()).strip();
      Tree type = v.getType();
      String typeText;
      if (type == null || ASTHelpers.hasImplicitType(v, state)) {
        typeText = typeText(ASTHelpers.getType(v));
      } else {
        typeText = text(type);
      }
      return modifiers.isEmpty() ? typeText : modifiers + " " + typeText;
    }

    /** A variable name from the type's name that no identifier in the file uses yet. */
    private String freshName(Type type, @Nullable Tree origin) {
      if (namesInFile == null) {
        namesInFile = new HashSet<>();
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitIdentifier(IdentifierTree tree, Void unused) {
            namesInFile.add(tree.getName().toString());
            return null;
          }

          @Override
          public Void visitVariable(VariableTree tree, Void unused) {
            namesInFile.add(tree.getName().toString());
            return super.visitVariable(tree, unused);
          }
        }.scan(unitPath.getCompilationUnit(), null);
      }
      String simple = type.tsym.getSimpleName().toString();
      String base =
          simple.isEmpty()
              ? "resource"
              : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
      if (origin instanceof MethodInvocationTree call
          && type.tsym.getQualifiedName().contentEquals("java.util.stream.Stream")) {
        // Files.lines(p) -> lines; Files.list/walk/find(dir) -> paths.
        String method = ASTHelpers.getSymbol(call).getSimpleName().toString();
        base =
            method.equals("lines")
                ? "lines"
                : Set.of("list", "walk", "find").contains(method) ? "paths" : base;
      }
      String name = base;
      for (int i = 2;
          namesInFile.contains(name) || takenNames.contains(name) || SourceVersion.isKeyword(name);
          i++) {
        name = base + i;
      }
      takenNames.add(name);
      return name;
    }

    // ---- text -------------------------------------------------------------------------------

    private String text(Tree tree) {
      return source.subSequence(startOf(tree), state.getEndPosition(tree)).toString();
    }

    private static int startOf(Tree tree) {
      return ASTHelpers.getStartPosition(tree);
    }

    private boolean isBlank(int from, int to) {
      for (int i = from; i < to; i++) {
        if (!Character.isWhitespace(source.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private int lineStartOf(int pos) {
      int i = pos;
      while (i > 0 && source.charAt(i - 1) != '\n') {
        i--;
      }
      return i;
    }

    /**
     * The position after the line break that ends the line at {@code pos}, if only blanks follow.
     */
    private int endOfLine(int pos) {
      int i = pos;
      while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
        i++;
      }
      if (i < source.length() && source.charAt(i) == '\r') {
        i++;
      }
      if (i < source.length() && source.charAt(i) == '\n') {
        return i + 1;
      }
      return i == source.length() ? i : -1;
    }

    /**
     * The span to delete for a statement: its whole line (with the line break) when nothing else is
     * on it; {@code [start, end, 1]}, or {@code [start, end, 0]} when it shares the line.
     */
    private int[] lineSpan(Tree statement) {
      int start = startOf(statement);
      int end = state.getEndPosition(statement);
      int lineStart = lineStartOf(start);
      if (isBlank(lineStart, start) && endOfLine(end) >= 0) {
        // From the line break before it, so that the span ends where the statement does.
        int from = lineStart;
        if (from > 0 && source.charAt(from - 1) == '\n') {
          from--;
          if (from > 0 && source.charAt(from - 1) == '\r') {
            from--;
          }
        }
        return new int[] {from, end, 1};
      }
      return new int[] {start, end, 0};
    }

    /** Extends {@code pos} over a line comment that ends the line. */
    private int endOfLineComment(int pos) {
      int i = pos;
      while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
        i++;
      }
      if (i + 1 < source.length() && source.charAt(i) == '/' && source.charAt(i + 1) == '/') {
        while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
          i++;
        }
        return i;
      }
      return pos;
    }

    private String indentation(int pos) {
      int lineStart = lineStartOf(pos);
      StringBuilder sb = new StringBuilder();
      for (int i = lineStart;
          i < pos && (source.charAt(i) == ' ' || source.charAt(i) == '\t');
          i++) {
        sb.append(source.charAt(i));
      }
      return sb.toString();
    }

    /**
     * One level of indentation, as this file writes it: the statement's less its block's, or, when
     * the block opens on a continuation line (a method whose parameters wrap), the file's step.
     */
    private String indentUnit(String statementIndent, int blockStart) {
      if (statementIndent.startsWith("\t")) {
        return "\t";
      }
      String outer = indentation(blockStart);
      int diff = statementIndent.length() - outer.length();
      return diff > 0 && diff <= 8 ? " ".repeat(diff) : Indentation.fileUnit(source);
    }
  }
}
