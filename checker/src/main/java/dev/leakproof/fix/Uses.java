package dev.leakproof.fix;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.ResolvedModel;
import dev.leakproof.model.ResolvedModel.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * How code uses the variables a rewrite puts in a try-with-resources header: uses that can stay
 * (calls on them, arguments, null tests), releases the rewrite removes ({@code x.close();}, {@code
 * if (x != null) x.close();}, {@code try (x)}), and uses that forbid the rewrite (returned, stored,
 * captured, closed quietly). Wrappers of the resource held by other variables ({@code aliases}) may
 * be used and closed freely: closing a {@code Closeable} twice is harmless.
 */
final class Uses {
  private final Set<Symbol> vars;
  private final Set<Symbol> aliases;
  private final ResolvedModel model;
  private final Predicate<@Nullable Type> isResource;
  private final Types types;

  /** The statements that release a tracked variable, to be removed. */
  final List<TreePath> closes = new ArrayList<>();

  /** The {@code try (x)} statements naming a tracked variable, to be unwrapped. */
  final List<TreePath> resourceTries = new ArrayList<>();

  private boolean mentions;
  private final String release;

  /**
   * @param vars the variables the try will release
   * @param aliases other variables known to hold the resource or a wrapper of it; locals that the
   *     scanned code declares from a tracked value are added
   * @param isResource whether a value of a type may hold a resource (a wrapper, a view)
   */
  Uses(
      Set<Symbol> vars,
      Set<Symbol> aliases,
      ResolvedModel model,
      Predicate<@Nullable Type> isResource,
      Types types) {
    this(vars, aliases, model, isResource, types, "close");
  }

  /**
   * @param release the name of the method that releases the tracked variables ({@code close}, or
   *     {@code end} for an {@code Inflater})
   */
  Uses(
      Set<Symbol> vars,
      Set<Symbol> aliases,
      ResolvedModel model,
      Predicate<@Nullable Type> isResource,
      Types types,
      String release) {
    this.release = release;
    this.types = types;
    this.vars = vars;
    this.aliases = new HashSet<>(aliases);
    this.model = model;
    this.isResource = isResource;
  }

  /** The aliases known so far, including the locals declared from tracked values. */
  Set<Symbol> aliases() {
    return aliases;
  }

  /**
   * Scans {@code path}; returns whether it mentions a tracked variable other than to release it.
   *
   * @throws CannotFix for a use that forbids the rewrite
   */
  boolean scan(TreePath path) {
    mentions = false;
    new Scanner().scan(path, null);
    return mentions;
  }

  /**
   * Methods that run the lambda they are given before they return, and keep no reference to it:
   * what the lambda captures is used within the statement.
   */
  private static final Set<String> RUN_RIGHT_AWAY =
      Set.of(
          "forEach",
          "forEachOrdered",
          "forEachRemaining",
          "removeIf",
          "replaceAll",
          "ifPresent",
          "ifPresentOrElse",
          "computeIfAbsent",
          "computeIfPresent",
          "compute",
          "merge",
          "anyMatch",
          "allMatch",
          "noneMatch");

  private static boolean runsRightAway(TreePath lambda) {
    Tree parent = lambda.getParentPath().getLeaf();
    return parent instanceof MethodInvocationTree call
        && call.getArguments().contains(lambda.getLeaf())
        && ASTHelpers.getSymbol(call) instanceof MethodSymbol m
        && RUN_RIGHT_AWAY.contains(m.getSimpleName().toString());
  }

  /** Whether {@code sym} is one of the variables the try will release. */
  boolean tracks(@Nullable Symbol sym) {
    return sym != null && vars.contains(sym);
  }

  /** Whether {@code tree} mentions any of {@code symbols}. */
  static boolean mentions(Tree tree, Set<Symbol> symbols) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        found[0] |= symbols.contains(ASTHelpers.getSymbol(id));
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /** {@code x.close();} for a tracked {@code x}. */
  boolean isClose(Tree statement) {
    return statement instanceof ExpressionStatementTree es && closedVariable(es.getExpression());
  }

  private boolean closedVariable(ExpressionTree e) {
    return e instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals(release)
        && select.getExpression() instanceof IdentifierTree id
        && vars.contains(ASTHelpers.getSymbol(id));
  }

  /** {@code if (x != null) x.close();} (or with braces), without an else. */
  boolean isGuardedClose(Tree statement) {
    if (!(statement instanceof IfTree ifTree) || ifTree.getElseStatement() != null) {
      return false;
    }
    StatementTree then = ifTree.getThenStatement();
    if (then instanceof BlockTree b && b.getStatements().size() == 1) {
      then = b.getStatements().get(0);
    }
    if (!isClose(then)) {
      return false;
    }
    ExpressionTree cond = ASTHelpers.stripParentheses(ifTree.getCondition());
    Symbol closed =
        ASTHelpers.getSymbol(
            ((MemberSelectTree)
                    ((MethodInvocationTree) ((ExpressionStatementTree) then).getExpression())
                        .getMethodSelect())
                .getExpression());
    return cond instanceof BinaryTree bin
        && bin.getKind() == Tree.Kind.NOT_EQUAL_TO
        && (isNullTestOf(bin.getLeftOperand(), bin.getRightOperand(), closed)
            || isNullTestOf(bin.getRightOperand(), bin.getLeftOperand(), closed));
  }

  private static boolean isNullTestOf(ExpressionTree var, ExpressionTree nul, Symbol sym) {
    return nul.getKind() == Tree.Kind.NULL_LITERAL
        && var instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) == sym;
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    @Override
    public Void visitExpressionStatement(ExpressionStatementTree tree, Void unused) {
      if (isClose(tree)) {
        closes.add(getCurrentPath());
        return null;
      }
      return super.visitExpressionStatement(tree, unused);
    }

    @Override
    public Void visitIf(IfTree tree, Void unused) {
      if (isGuardedClose(tree)) {
        closes.add(getCurrentPath());
        return null;
      }
      return super.visitIf(tree, unused);
    }

    @Override
    public Void visitTry(TryTree tree, Void unused) {
      boolean names = false;
      for (Tree r : tree.getResources()) {
        if (r instanceof IdentifierTree id && vars.contains(ASTHelpers.getSymbol(id))) {
          names = true;
        } else {
          scan(r, null);
        }
      }
      if (names) {
        resourceTries.add(getCurrentPath());
      }
      scan(tree.getBlock(), null);
      scan(tree.getCatches(), null);
      scan(tree.getFinallyBlock(), null);
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      if (runsRightAway(getCurrentPath())) {
        return super.visitLambdaExpression(tree, unused);
      }
      CannotFix.check(!mentionsAny(tree), NoFix.ESCAPES);
      return null;
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      if (runsRightAway(getCurrentPath())
          && tree.getQualifierExpression() instanceof IdentifierTree
          && !tree.getName().contentEquals(release)) {
        return null; // list.forEach(out::println)
      }
      CannotFix.check(!mentionsAny(tree), NoFix.ESCAPES);
      return null;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      CannotFix.check(!mentionsAny(tree), NoFix.ESCAPES);
      return null;
    }

    private boolean mentionsAny(Tree tree) {
      return mentions(tree, vars) || mentions(tree, aliases);
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
      Symbol sym = ASTHelpers.getSymbol(tree);
      if (vars.contains(sym)) {
        mentions = true;
        classify(getCurrentPath(), false);
      } else if (aliases.contains(sym)) {
        classify(getCurrentPath(), true);
      }
      return null;
    }
  }

  /**
   * Throws unless the value at {@code path} (a tracked variable, or a value derived from one: a
   * wrapper, a view such as {@code socket.getInputStream()}) is used in a way the rewrite keeps.
   */
  private void classify(TreePath path, boolean alias) {
    Tree value = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    Tree parent = parentPath.getLeaf();
    if (parent instanceof MemberSelectTree select) {
      if (parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        if (select.getIdentifier().contentEquals(release)) {
          // A tracked variable's close() outside a plain statement; an alias may close itself.
          CannotFix.check(alias, NoFix.UNSUPPORTED);
          return;
        }
        derived(parentPath.getParentPath(), value, false);
      }
      return;
    }
    if (parent instanceof MethodInvocationTree call && call.getArguments().contains(value)) {
      MethodSymbol m = ASTHelpers.getSymbol(call);
      CannotFix.check(m != null, NoFix.UNSUPPORTED);
      Type receiver =
          call.getMethodSelect() instanceof MemberSelectTree s
              ? ASTHelpers.getType(s.getExpression())
              : null;
      Role role = model.roleOf(m, receiver);
      CannotFix.check(
          role != Role.CLOSER
              && !model.isCloser(m)
              && !m.getSimpleName().toString().startsWith("close"),
          alias ? NoFix.UNSUPPORTED : NoFix.QUIET_CLOSE);
      CannotFix.check(role != Role.TAKES_OWNERSHIP, NoFix.ESCAPES);
      CannotFix.check(!owning(m, call.getArguments().indexOf(value)), NoFix.ESCAPES); // handed over
      derived(parentPath, value, false);
      return;
    }
    if (parent instanceof NewClassTree creation && creation.getArguments().contains(value)) {
      MethodSymbol ctor = ASTHelpers.getSymbol(creation);
      CannotFix.check(
          ctor == null || !owning(ctor, creation.getArguments().indexOf(value)), NoFix.ESCAPES);
      derived(parentPath, value, true);
      return;
    }
    if (parent instanceof LambdaExpressionTree lambda
        && lambda.getBody() == value
        && returnsVoid(lambda)) {
      return; // items.forEach(i -> out.printf(...)): the value is dropped
    }
    if (alias && parent instanceof TryTree t && t.getResources().contains(value)) {
      return; // try (wrapper): closes the wrapper, and the try closes the resource again
    }
    if ((parent instanceof BinaryTree b
            && (b.getKind() == Tree.Kind.EQUAL_TO || b.getKind() == Tree.Kind.NOT_EQUAL_TO))
        || parent instanceof InstanceOfTree
        || parent instanceof SynchronizedTree
        || parent instanceof ExpressionStatementTree
        || (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == value)) {
      return;
    }
    if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
      classify(parentPath, alias);
      return;
    }
    if (parent instanceof VariableTree v && v.getInitializer() == value) {
      // A local that holds the resource, or a wrapper of it: tracked as an alias from here on.
      Symbol local = ASTHelpers.getSymbol(v);
      CannotFix.check(
          local != null
              && (local.getKind() == ElementKind.LOCAL_VARIABLE
                  || local.getKind() == ElementKind.RESOURCE_VARIABLE),
          NoFix.ESCAPES);
      aliases.add(local);
      return;
    }
    throw new CannotFix(NoFix.ESCAPES);
  }

  /**
   * A call that received a tracked value, as receiver or argument. Its result is followed like the
   * value itself when it may hold the resource: a wrapper or view ({@code new BufferedReader(in)},
   * {@code socket.getInputStream()}), an object a constructor may have stored it in, or a result
   * whose type could be or contain it ({@code Optional.of(in)}).
   */
  private void derived(TreePath call, Tree value, boolean constructor) {
    Type result = ASTHelpers.getType(call.getLeaf());
    if (call.getLeaf() instanceof MethodInvocationTree invocation
        && ASTHelpers.getSymbol(invocation) instanceof MethodSymbol m
        && model.roleOf(
                m,
                invocation.getMethodSelect() instanceof MemberSelectTree s
                    ? ASTHelpers.getType(s.getExpression())
                    : null)
            == Role.ACQUIRE) {
      return; // server.accept(): a new resource of its own, not a view of this one
    }
    if (isResource.test(result)
        || (constructor && result != null && !result.isPrimitive())
        || mayCarry(result, ASTHelpers.getType(value))) {
      classify(call, true);
    }
  }

  /** Whether a value of type {@code result} could be, or contain, a value of type {@code held}. */
  private boolean mayCarry(@Nullable Type result, @Nullable Type held) {
    if (result == null || held == null || result.isPrimitiveOrVoid()) {
      return false;
    }
    String name = result.tsym.getQualifiedName().toString();
    if (name.equals("java.lang.String") || result.isErroneous()) {
      return false;
    }
    if (name.equals("java.lang.Object") && !(result instanceof Type.TypeVar)) {
      // Declared to return Object (readObject()): a generic method returning its argument would
      // have the argument's type here instead.
      return false;
    }
    if (types.isSubtype(types.erasure(held), types.erasure(result))) {
      return true;
    }
    for (Type arg : result.getTypeArguments()) {
      Type bound = arg instanceof Type.WildcardType w ? w.type : arg;
      if (bound == null || mayCarry(bound, held)) {
        return true;
      }
    }
    return result instanceof Type.ArrayType array && mayCarry(array.elemtype, held);
  }

  private boolean returnsVoid(LambdaExpressionTree lambda) {
    Type target = ASTHelpers.getType(lambda);
    if (target == null) {
      return false;
    }
    try {
      Type descriptor = types.findDescriptorType(target);
      return descriptor.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean owning(MethodSymbol m, int index) {
    if (index < 0 || m.getParameters().isEmpty()) {
      return false;
    }
    return Annotations.owningParameter(m, Math.min(index, m.getParameters().size() - 1));
  }
}
