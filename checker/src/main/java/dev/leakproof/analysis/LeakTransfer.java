package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.ResolvedModel.DocumentedException;
import dev.leakproof.model.ResolvedModel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalAndNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalOrNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LambdaResultExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NullLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SuperNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SwitchExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThisNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.errorprone.dataflow.cfg.node.VariableDeclarationNode;
import org.jspecify.annotations.Nullable;

/**
 * The must-release transfer function. It models the Java language; what a library call means comes
 * from the model through {@link Classifier} and {@link ResolvedModel}.
 *
 * <p>Exception edges: every node that can throw gets an explicit store per exception type.
 *
 * <ul>
 *   <li>{@code Error}s are never followed, nor is anything a call throws that the model lists as
 *       {@code no-throw}.
 *   <li>Unchecked exceptions of calls are followed only when the model documents them for the
 *       callee (or the {@code FollowUncheckedExceptions} flag is on); those of other nodes
 *       (dereferences, casts) never are. An unfollowed edge still reaches its handler, but carries
 *       no facts.
 *   <li>Checked exceptions of calls and everything a {@code throw} throws are followed: the store
 *       before the node, or after it for a release (a {@code close()} that throws still counts),
 *       with every normal-path fact turned exceptional and witnessed by this node.
 * </ul>
 */
final class LeakTransfer
    extends AbstractNodeVisitor<
        TransferResult<NoValue, LeakStore>, TransferInput<NoValue, LeakStore>>
    implements ForwardTransferFunction<NoValue, LeakStore> {

  /** Methods that {@code @EnsuresCalledMethods(methods = ...)} may name as a release. */
  static final List<String> RELEASE_NAMES = List.of("close", "shutdown", "shutdownNow", "release");

  private final UnitContext ctx;

  LeakTransfer(UnitContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The alias key of a node's value: the variable for locals (seen through casts), the synthetic
   * variable of a conditional or switch expression, and otherwise the expression itself. A field of
   * {@code this} that {@code fieldsOfThisAreVariables} accepts is a variable too: in a constructor
   * (the object owns what a field holds only once the constructor completes), and an owned field in
   * a method (so that closing or overwriting it is seen).
   */
  static @Nullable AliasKey aliasOf(
      @Nullable Node n, Predicate<VariableElement> fieldsOfThisAreVariables) {
    while (n instanceof TypeCastNode c) {
      n = c.getOperand();
    }
    if (n == null) {
      return null;
    }
    if (n instanceof LocalVariableNode v) {
      return new AliasKey.Var(v.getElement());
    }
    if (n instanceof FieldAccessNode f
        && !f.isStatic()
        && f.getReceiver() instanceof ThisNode
        && fieldsOfThisAreVariables.test(f.getElement())) {
      return new AliasKey.Var(f.getElement());
    }
    if (n instanceof AssignmentNode a) {
      AliasKey target = aliasOf(a.getTarget(), fieldsOfThisAreVariables);
      return target instanceof AliasKey.Var
          ? target
          : aliasOf(a.getExpression(), fieldsOfThisAreVariables);
    }
    if (n instanceof TernaryExpressionNode t) {
      return new AliasKey.Var(t.getTernaryExpressionVar().getElement());
    }
    if (n instanceof SwitchExpressionNode s) {
      return new AliasKey.Var(s.getSwitchExpressionVar().getElement());
    }
    Tree t = n.getTree();
    return t == null ? null : new AliasKey.Temp(t);
  }

  @Override
  public LeakStore initialStore(UnderlyingAST ast, List<LocalVariableNode> parameters) {
    if (!(ast instanceof UnderlyingAST.CFGMethod m)) {
      return LeakStore.EMPTY;
    }
    List<? extends VariableTree> declarations = m.getMethod().getParameters();
    LeakStore.Builder b = new LeakStore.Builder();
    MethodSymbol method = ASTHelpers.getSymbol(m.getMethod());
    if (!ctx.inConstructor && method != null && !method.isStatic()) {
      // What the owned fields hold when the method starts: a release method must close it, and
      // an assignment must not drop it while it is open.
      for (Map.Entry<VariableElement, OwnedFields.Owned> field : ctx.ownedFields.entrySet()) {
        VariableElement parent = field.getValue().parent();
        b.put(
            new Fact(
                Obligation.field(field.getValue().declaration()),
                ImmutableSet.of(new AliasKey.Var(field.getKey())),
                false,
                parent == null
                    ? ImmutableSet.of()
                    : ImmutableSet.of(Obligation.field(ctx.ownedFields.get(parent).declaration()))),
            LeakStore.Info.NONE);
      }
    }
    for (int i = 0; i < parameters.size() && i < declarations.size(); i++) {
      LocalVariableNode p = parameters.get(i);
      if (ctx.model.isCloseable((Type) p.getType())) {
        Obligation o = Obligation.parameter(declarations.get(i), i);
        ctx.resourceParameters.set(i);
        if (Annotations.isOwning((Symbol) p.getElement())
            && !ctx.model.isNotResourceType((Type) p.getType())) {
          // An @Owning parameter is this method's to release, like a resource it acquired.
          ctx.acquired.add(o);
          ctx.owningParameters.add(o);
          ctx.noteAlias(o, new AliasKey.Var(p.getElement()));
        }
        b.put(
            new Fact(
                o, ImmutableSet.of(new AliasKey.Var(p.getElement())), false, ImmutableSet.of()),
            LeakStore.Info.NONE);
      }
    }
    return b.build();
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitNode(
      Node n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    return finish(n, s, s);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitObjectCreation(
      ObjectCreationNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    var tree = n.getTree();
    s = s.killTemp(tree, witness(Witness.Kind.REOPENED, tree, ""));
    MethodSymbol ctor = ASTHelpers.getSymbol(tree);
    if (ctor == null) {
      return finish(n, s, s);
    }
    if (tree.getClassBody() != null) {
      s = releaseAll(s, CaptureScanner.releasedCaptures(tree.getClassBody(), ctx));
    }
    LeakStore exceptional = s;
    Summary summary = anyTracked(n.getArguments(), s) ? ctx.summaryOf(ctor) : null;
    if (summary != null) {
      s = applyParameterSummary(summary, n.getArguments(), s, false);
      exceptional = applyParameterSummary(summary, n.getArguments(), exceptional, true);
    }
    // An @Owning constructor parameter is held by the new object (the classifier joins it); if
    // the constructor throws, the caller keeps it.
    s = releaseEnsured(ctor, n.getArguments(), s);
    Acquisition acquisition = Classifier.ofConstructor(tree, ctor, n.getArguments(), s, ctx);
    s = acquire(acquisition, tree, s);
    s = s.forget(temporaries(null, n.getArguments()), witness(Witness.Kind.DROPPED, tree, ""));
    ctx.noteLost(s);
    return finish(n, s, exceptional);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitMethodInvocation(
      MethodInvocationNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    Tree tree = n.getTree();
    if (tree != null) {
      s = s.killTemp(tree, witness(Witness.Kind.REOPENED, tree, ""));
    }
    MethodAccessNode target = n.getTarget();
    if (!(target.getMethod() instanceof MethodSymbol method)) {
      return finish(n, s, s);
    }
    List<Node> args = n.getArguments();
    if (method.isConstructor()) {
      // this(...) or super(...): the object under construction now owns the arguments. If that
      // constructor throws, they stay this one's (unless its summary shows it releases them).
      // A parameter passed up is held by the new object, as if stored in a field (a
      // FilterInputStream subclass).
      for (Node a : args) {
        for (Obligation o : s.obligationsOf(ctx.key(a))) {
          if (o.isParameter()) {
            ctx.parametersPassedUp.add(o.parameterIndex());
          }
        }
      }
      LeakStore handedOver = releaseArguments(s, args);
      Summary delegate = ctx.summaryOf(method);
      LeakStore onException = delegate == null ? s : applyParameterSummary(delegate, args, s, true);
      return finish(n, handedOver, onException);
    }
    boolean isStatic = target.isStatic();
    Node receiverNode = target.getReceiver();
    Type receiverType = isStatic ? null : (Type) receiverNode.getType();
    AliasKey receiver = isStatic ? null : ctx.key(receiverNode);
    Role role = ctx.model.roleOf(method, receiverType);
    LeakStore exceptional = s;
    Summary summary = null;
    if (receiverNode instanceof SuperNode && ctx.model.isLifecycleMethod(method)) {
      s = releaseFields(s, ctx.releasedBySuper); // super.close() closes getStream()
      exceptional = s;
    }
    if (receiver != null && ctx.model.makesResource(method, receiverType)) {
      // A resource-after call: the receiver holds something from now on, and still does if the
      // call throws after opening it (a file it then failed to parse).
      s = wake(s, receiver);
      exceptional = s;
    }
    switch (role) {
      case RELEASE -> {
        if (receiver != null) {
          s = s.discharge(List.of(receiver)).store();
          exceptional = s;
        } else if (ctx.inConstructor && receiverNode instanceof ThisNode) {
          // this.close() in a constructor's handler releases what the fields hold.
          s = s.dischargeIf(UnitContext::heldByField);
          exceptional = s;
        }
      }
      case CLOSER -> {
        s = releaseArguments(s, args);
        exceptional = s;
      }
      case TAKES_OWNERSHIP -> s = releaseArguments(s, args);
      case BUILDER_SETTER -> {
        // builder.setInputStream(in): the builder holds `in` from now on (the classifier makes the
        // result, the builder again, hold it too).
        if (receiver != null) {
          for (Node a : Classifier.flatten(args)) {
            AliasKey k = ctx.key(a);
            if (k != null && s.tracks(k)) {
              s = s.addAlias(k, receiver);
            }
          }
        }
      }
      default -> {
        summary =
            summaryMatters(n, args, s, !isStatic && receiverNode instanceof ThisNode)
                ? ctx.summaryOf(method)
                : null;
        if (summary != null) {
          exceptional = applyParameterSummary(summary, args, s, true);
          s = applyParameterSummary(summary, args, s, false);
          if (!isStatic && receiverNode instanceof ThisNode) {
            s = releaseFields(s, summary.releasesFields()); // close() -> closeStreams()
          }
        }
        if (!isStatic && receiverNode instanceof ThisNode) {
          // @EnsuresCalledMethods(value = "this.in", methods = "close") on a helper of this class
          for (String name : Annotations.releasedFields(method, RELEASE_NAMES)) {
            s = releaseFields(s, fieldsNamed(name));
          }
        }
        // A varargs or array closer hides its releases from the summary; its name tells.
        if (ctx.model.isCloser(method) && hasCloseableParameter(method)) {
          s = releaseArguments(s, args);
          exceptional = releaseArguments(exceptional, args);
        }
      }
    }
    // @Owning parameters take the argument, and @EnsuresCalledMethods releases it, when the call
    // returns normally.
    s = applyParameterAnnotations(method, args, s, false);
    exceptional = applyParameterAnnotations(method, args, exceptional, true);
    if (tree != null) {
      Acquisition acquisition =
          Classifier.ofCall(
              method,
              (Type) n.getType(),
              isStatic,
              receiverType,
              receiver,
              args,
              role,
              summary,
              s,
              ctx);
      s = acquire(acquisition, tree, s);
      s =
          s.forget(
              temporaries(isStatic ? null : receiverNode, args),
              witness(Witness.Kind.DROPPED, tree, ""));
    }
    ctx.noteLost(s);
    if ((role == Role.CLOSED_TEST || role == Role.OPEN_TEST) && receiver != null) {
      // `if (!socket.isClosed()) socket.close()`: where the test says it is closed, it is.
      LeakStore closed = s.discharge(List.of(receiver)).store();
      if (!closed.equals(s)) {
        return role == Role.CLOSED_TEST
            ? finishOpenTest(closed, s, exceptional)
            : finishOpenTest(s, closed, exceptional);
      }
    }
    return closedGuard(n, s, exceptional);
  }

  /** {@code if (!closed)} in a lifecycle method: see {@link ClosedGuards}. */
  @Override
  public TransferResult<NoValue, LeakStore> visitFieldAccess(
      FieldAccessNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    return closedGuard(n, s, s);
  }

  /**
   * The result of {@code n}; when it tests whether this object is already closed, the owned fields
   * are released on the branch that says so.
   */
  private TransferResult<NoValue, LeakStore> closedGuard(
      Node n, LeakStore s, LeakStore exceptionalBase) {
    if (ctx.inConstructor || ctx.ownedFields.isEmpty()) {
      return finish(n, s, exceptionalBase);
    }
    Boolean closedWhen = ClosedGuards.closedWhen(n, ctx);
    if (closedWhen == null) {
      if (n instanceof FieldAccessNode f
          && f.getReceiver() instanceof ThisNode
          && ctx.ownershipFlags.get(f.getElement()) instanceof VariableElement guarded) {
        // `if (ownsCache && cache != null) cache.close()`: where the flag is false the field
        // holds what a caller gave, or nothing; it is not this object's to release.
        return new ExceptionalResults.Conditional<>(
            s,
            releaseFields(s, Set.of(guarded)),
            cause -> exceptionalStore(n, (Type) cause, exceptionalBase));
      }
      return finish(n, s, exceptionalBase);
    }
    LeakStore closed = releaseFields(s, ctx.ownedFields.keySet());
    return new ExceptionalResults.Conditional<>(
        closedWhen ? closed : s,
        closedWhen ? s : closed,
        cause -> exceptionalStore(n, (Type) cause, exceptionalBase));
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitAssignment(
      AssignmentNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    Node target = n.getTarget();
    AliasKey rhs = ctx.key(n.getExpression());
    // A local, or (in a constructor) a field of the object under construction, which is an alias
    // until the constructor completes.
    if (ctx.key(target) instanceof AliasKey.Var variable) {
      if (rhs != null) {
        for (Obligation o : s.obligationsOf(rhs)) {
          ctx.noteAlias(o, variable);
        }
      }
      s =
          s.reassign(
              variable, rhs, witness(Witness.Kind.OVERWRITTEN, n.getTree(), variable.toString()));
      if (rhs instanceof AliasKey.Temp) {
        s = s.forget(List.of(rhs), null);
      }
      if (target instanceof LocalVariableNode v) {
        // For a boolean flag, "null" stands for false: `ok = true` at the end of a try, tested
        // by `if (!ok) in.close()` in its finally, is the success-flag idiom.
        s =
            s.withNull(
                v.getElement(),
                v.getElement().asType().getKind() == TypeKind.BOOLEAN
                    ? isFalseLiteral(n.getExpression())
                    : isNullLiteral(n.getExpression()));
        List<String> mustCall = ctx.model.mustCall((Type) v.getElement().asType());
        if (mustCall != null && mustCall.isEmpty()) {
          // A local declared @MustCall({}): what it holds is no obligation of this method.
          s = s.discharge(List.of(variable)).store();
        }
      }
    } else if ((target instanceof FieldAccessNode || target instanceof ArrayAccessNode)
        && rhs != null
        && !(target instanceof FieldAccessNode f
            && Annotations.isNotOwning((Symbol) f.getElement()))) {
      // Stored into the heap: the object or array now owns it.
      s = s.discharge(List.of(rhs)).store();
    }
    ctx.noteLost(s);
    return finish(n, s, s);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitVariableDeclaration(
      VariableDeclarationNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    VariableElement element = ASTHelpers.getSymbol(n.getTree());
    if (element != null) {
      s =
          s.reassign(
                  new AliasKey.Var(element),
                  null,
                  witness(Witness.Kind.OVERWRITTEN, n.getTree(), n.getName()))
              .withNull(element, false);
    }
    ctx.noteLost(s);
    return finish(n, s, s);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitReturn(
      ReturnNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    s = handOverResult(s, n.getResult());
    s = s.withWitnessIfNone(witness(Witness.Kind.RETURN, n.getTree(), ""));
    return finish(n, s, s);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitLambdaResultExpression(
      LambdaResultExpressionNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    return finish(n, handOverResult(s, n.getResult()), s);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitMemberReference(
      FunctionalInterfaceNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    Tree tree = n.getTree();
    if (tree instanceof LambdaExpressionTree lambda) {
      s = releaseAll(s, CaptureScanner.releasedCaptures(lambda.getBody(), ctx));
    } else if (tree instanceof MemberReferenceTree ref
        && ASTHelpers.getSymbol(ref) instanceof MethodSymbol method
        && ASTHelpers.getSymbol(ref.getQualifierExpression()) instanceof VariableElement v
        && ctx.model.roleOf(method, ASTHelpers.getType(ref.getQualifierExpression()))
            == Role.RELEASE) {
      // `in::close` hands the release to whoever runs the reference.
      s = s.discharge(List.of(new AliasKey.Var(v))).store();
    }
    return finish(n, s, s);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitEqualTo(
      EqualToNode n, TransferInput<NoValue, LeakStore> in) {
    return nullTest(n, n.getLeftOperand(), n.getRightOperand(), in, true);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitNotEqual(
      NotEqualNode n, TransferInput<NoValue, LeakStore> in) {
    return nullTest(n, n.getLeftOperand(), n.getRightOperand(), in, false);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitConditionalAnd(
      ConditionalAndNode n, TransferInput<NoValue, LeakStore> in) {
    return passConditionalStores(n, in);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitConditionalOr(
      ConditionalOrNode n, TransferInput<NoValue, LeakStore> in) {
    return passConditionalStores(n, in);
  }

  /** {@code a && b}: what the operands' tests found holds for the whole condition. */
  private TransferResult<NoValue, LeakStore> passConditionalStores(
      Node n, TransferInput<NoValue, LeakStore> in) {
    if (in.containsTwoStores()) {
      ctx.step(in.getThenStore());
      return new ConditionalTransferResult<>(null, in.getThenStore(), in.getElseStore());
    }
    return visitNode(n, in);
  }

  @Override
  public TransferResult<NoValue, LeakStore> visitConditionalNot(
      ConditionalNotNode n, TransferInput<NoValue, LeakStore> in) {
    if (in.containsTwoStores()) {
      return new ConditionalTransferResult<>(null, in.getElseStore(), in.getThenStore());
    }
    return visitNode(n, in);
  }

  /** {@code x == null} voids x's facts on the branch where it holds; {@code !=} the other one. */
  private TransferResult<NoValue, LeakStore> nullTest(
      Node n, Node left, Node right, TransferInput<NoValue, LeakStore> in, boolean equal) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    Node other =
        left instanceof NullLiteralNode ? right : right instanceof NullLiteralNode ? left : null;
    if (other == null) {
      return identityTest(n, left, right, s, equal);
    }
    while (other instanceof TypeCastNode c) {
      other = c.getOperand();
    }
    AliasKey key = ctx.key(other);
    if (key == null) {
      return finish(n, s, s);
    }
    LeakStore whenNull = s.dropFactsWith(key, false);
    if (other instanceof FieldAccessNode f
        && f.getReceiver() instanceof ThisNode
        && ctx.nullMeansClosed.get(f.getElement()) instanceof Integer before
        && n.getTree() != null
        && ASTHelpers.getStartPosition(n.getTree()) < before) {
      // `if (session != null) { lob.close(); session.close(); session = null; }`: null here means
      // an earlier close() ran (see SiblingNullGuards).
      whenNull = releaseFields(whenNull, ctx.notReopened);
    }
    LeakStore whenNotNull =
        other instanceof LocalVariableNode v ? s.whereNotNull(v.getElement()) : s;
    if (whenNull == s && whenNotNull == s) {
      return finish(n, s, s);
    }
    return equal
        ? new ConditionalTransferResult<>(null, whenNull, whenNotNull)
        : new ConditionalTransferResult<>(null, whenNotNull, whenNull);
  }

  private static boolean isFalseLiteral(Node n) {
    return n instanceof BooleanLiteralNode b && !b.getValue();
  }

  /**
   * A boolean local used as a condition: where it is true, the facts of paths on which it is false
   * (see {@link #visitAssignment}) are void.
   */
  @Override
  public TransferResult<NoValue, LeakStore> visitLocalVariable(
      LocalVariableNode n, TransferInput<NoValue, LeakStore> in) {
    LeakStore s = in.getRegularStore();
    ctx.step(s);
    if (n.getElement().asType().getKind() != TypeKind.BOOLEAN) {
      return finish(n, s, s);
    }
    LeakStore whenTrue = s.whereNotNull(n.getElement());
    if (whenTrue == s) {
      return finish(n, s, s);
    }
    return new ConditionalTransferResult<>(null, whenTrue, s);
  }

  private static boolean isNullLiteral(Node n) {
    while (n instanceof TypeCastNode c) {
      n = c.getOperand();
    }
    return n instanceof NullLiteralNode;
  }

  /**
   * {@code x == field} (as in {@code if (in != System.in) in.close()}): a resource acquired in this
   * unit is not the object some field already holds, so on the branch where they are the same
   * object, the facts reachable through {@code x} are void.
   */
  private TransferResult<NoValue, LeakStore> identityTest(
      Node n, Node left, Node right, LeakStore s, boolean equal) {
    Node local = right instanceof FieldAccessNode ? left : right;
    Node field = local == left ? right : left;
    AliasKey key = ctx.key(local);
    if (!(field instanceof FieldAccessNode) || key == null || !s.tracksOwned(key)) {
      return finish(n, s, s);
    }
    LeakStore whenSame = s.dropFactsWith(key, true);
    return equal
        ? new ConditionalTransferResult<>(null, whenSame, s)
        : new ConditionalTransferResult<>(null, s, whenSame);
  }

  private LeakStore handOverResult(LeakStore s, @Nullable Node result) {
    AliasKey key = ctx.key(result);
    if (key == null || !s.tracks(key)) {
      return s;
    }
    // A getter that returns a field hands out nothing fresh, even when it has just opened what
    // the field holds (a connection cached on first use): the field keeps it.
    boolean viaField =
        key instanceof AliasKey.Var v
            && v.element().getKind() == javax.lang.model.element.ElementKind.FIELD;
    for (Fact f : s.facts()) {
      Obligation o = f.obligation();
      if (!f.aliases().contains(key)) {
        continue;
      }
      if (o.isParameter()) {
        ctx.returnedParameters.add(o.parameterIndex());
      } else if (!o.field() && !viaField) {
        if (f.dormant()) {
          ctx.returnsDormant = true;
        } else {
          ctx.returnsFresh = true;
        }
      }
    }
    return s.discharge(List.of(key)).store();
  }

  private LeakStore acquire(Acquisition acquisition, Tree tree, LeakStore s) {
    AliasKey self = new AliasKey.Temp(tree);
    switch (acquisition) {
      case Acquisition.None none -> {
        return s;
      }
      case Acquisition.Fresh fresh -> {
        Obligation o = Obligation.acquiredAt(tree);
        ctx.acquired.add(o);
        ctx.noteAlias(o, self);
        return s.plus(new Fact(o, ImmutableSet.of(self), false, fresh.parents(), fresh.dormant()));
      }
      case Acquisition.Joins joins -> {
        for (AliasKey k : joins.keys()) {
          for (Obligation o : s.obligationsOf(k)) {
            ctx.noteAlias(o, self);
          }
          s = s.addAlias(k, self);
        }
        return s;
      }
    }
  }

  /** The temporaries among a call's receiver and arguments: their values are consumed by it. */
  private List<AliasKey> temporaries(@Nullable Node receiver, List<Node> args) {
    List<AliasKey> temps = new ArrayList<>();
    if (ctx.key(receiver) instanceof AliasKey.Temp t) {
      temps.add(t);
    }
    for (Node a : Classifier.flatten(args)) {
      if (ctx.key(a) instanceof AliasKey.Temp t) {
        temps.add(t);
      }
    }
    return temps;
  }

  /**
   * Hands over the arguments of {@code @Owning} parameters, and on a normal return those that
   * {@code @EnsuresCalledMethods} releases.
   */
  /**
   * Hands over the arguments of {@code @Owning} parameters and, on a normal return, those that
   * {@code @EnsuresCalledMethods} releases. On the exception edge the caller keeps them.
   */
  private LeakStore applyParameterAnnotations(
      MethodSymbol method, List<Node> args, LeakStore s, boolean exceptional) {
    if (exceptional) {
      return s;
    }
    List<AliasKey> keys = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (Annotations.owningParameter(method, i)) {
        keys.add(ctx.key(args.get(i)));
      }
    }
    LeakStore released = keys.isEmpty() ? s : s.discharge(keys).store();
    return releaseEnsured(method, args, released);
  }

  private LeakStore releaseEnsured(MethodSymbol method, List<Node> args, LeakStore s) {
    List<AliasKey> keys = new ArrayList<>();
    for (int i : Annotations.releasedParameters(method, RELEASE_NAMES)) {
      if (i >= 0 && i < args.size()) {
        keys.add(ctx.key(args.get(i)));
      }
    }
    return keys.isEmpty() ? s : s.discharge(keys).store();
  }

  private LeakStore releaseFields(LeakStore s, Set<VariableElement> fields) {
    if (fields.isEmpty()) {
      return s;
    }
    List<AliasKey> keys = new ArrayList<>();
    for (VariableElement f : fields) {
      keys.add(new AliasKey.Var(f));
    }
    return s.discharge(keys).store();
  }

  private Set<VariableElement> fieldsNamed(String name) {
    Set<VariableElement> out = new java.util.HashSet<>();
    for (VariableElement f : ctx.ownedFields.keySet()) {
      if (f.getSimpleName().contentEquals(name)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Whether a same-file callee's summary could change anything at this call, so that it is worth
   * analysing the callee: it can release, store or return only arguments this unit tracks, release
   * only fields of {@code this}, and make the result fresh only if it is a resource. A helper that
   * is handed a stream the unit does not own (a field of a class that owns none, say) is not
   * analysed for it.
   */
  private boolean summaryMatters(
      MethodInvocationNode n, List<Node> args, LeakStore s, boolean onThis) {
    return ctx.model.isCloseable((Type) n.getType())
        || (onThis && !ctx.ownedFields.isEmpty())
        || anyTracked(args, s);
  }

  private boolean anyTracked(List<Node> args, LeakStore s) {
    for (Node a : args) {
      if (s.tracks(ctx.key(a))) {
        return true;
      }
    }
    for (Node a : Classifier.flatten(args)) {
      if (s.tracks(ctx.key(a))) {
        return true;
      }
    }
    return false;
  }

  private LeakStore applyParameterSummary(
      Summary summary, List<Node> args, LeakStore s, boolean exceptional) {
    List<AliasKey> released = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (summary.wakes(i)) {
        s = wake(s, ctx.key(args.get(i)));
      }
      // A parameter a constructor stores is held by the new object on the normal path (the
      // classifier joins them), and handed over to it on the exceptional one.
      boolean releases =
          exceptional
              ? summary.releasesOnException(i)
              : summary.releasesNormally(i) && !summary.stores(i);
      AliasKey k = ctx.key(args.get(i));
      if (releases && k != null) {
        released.add(k);
      }
    }
    return s.discharge(released).store();
  }

  /**
   * The object reachable through {@code key} now holds something to release: its dormant facts
   * wake, and a parameter among them tells callers, through the summary, that this method may wake
   * what they pass.
   */
  private LeakStore wake(LeakStore s, @Nullable AliasKey key) {
    if (key == null) {
      return s;
    }
    for (Obligation o : s.obligationsOf(key)) {
      if (o.isParameter()) {
        ctx.wokenParameters.set(o.parameterIndex());
      }
    }
    return s.awaken(key);
  }

  private LeakStore releaseArguments(LeakStore s, List<Node> args) {
    List<AliasKey> keys = new ArrayList<>();
    for (Node a : Classifier.flatten(args)) {
      AliasKey k = ctx.key(a);
      if (k != null) {
        keys.add(k);
      }
    }
    return s.discharge(keys).store();
  }

  private LeakStore releaseAll(LeakStore s, Set<VariableElement> variables) {
    if (variables.isEmpty()) {
      return s;
    }
    List<AliasKey> keys = new ArrayList<>();
    for (VariableElement v : variables) {
      keys.add(new AliasKey.Var(v));
    }
    return s.discharge(keys).store();
  }

  private boolean hasCloseableParameter(MethodSymbol method) {
    for (Symbol.VarSymbol p : method.getParameters()) {
      Type t = p.type;
      if (t instanceof Type.ArrayType array) {
        t = array.elemtype;
      }
      if (ctx.model.isCloseable(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The result, with the store for each exception edge of {@code n} computed from {@code
   * exceptionalBase} when the analysis asks for it. The CFG may put one node into several exception
   * blocks (an array access has one per exception type), so the edges are not looked up through the
   * node's block.
   */
  private TransferResult<NoValue, LeakStore> finish(
      Node n, LeakStore regular, LeakStore exceptionalBase) {
    return new ExceptionalResults.Regular<>(
        regular, cause -> exceptionalStore(n, (Type) cause, exceptionalBase));
  }

  /**
   * The result of a test of whether a resource is still open. Asking cannot leak what was opened:
   * the exceptions it declares (JDBC's {@code isClosed()} throws {@code SQLException}) are not
   * followed.
   */
  private static TransferResult<NoValue, LeakStore> finishOpenTest(
      LeakStore whenTrue, LeakStore whenFalse, LeakStore exceptionalBase) {
    LeakStore notFollowed = exceptionalBase.withoutFacts();
    return new ExceptionalResults.Conditional<>(whenTrue, whenFalse, cause -> notFollowed);
  }

  private LeakStore exceptionalStore(Node n, Type cause, LeakStore base) {
    // An edge that is not followed still reaches its handler, but nothing leaks along it.
    LeakStore notFollowed = base.withoutFacts();
    if (base.isEmpty() || ctx.isSubtype(cause, ctx.error)) {
      return notFollowed;
    }
    boolean unchecked = ctx.isSubtype(cause, ctx.runtimeException);
    if (n instanceof ThrowNode t) {
      return base.toExceptional(
          witness(Witness.Kind.THROW, t.getTree(), cause.tsym.getSimpleName().toString()), false);
    }
    MethodSymbol callee = null;
    Type receiverType = null;
    List<Node> args = List.of();
    if (n instanceof MethodInvocationNode call
        && call.getTarget().getMethod() instanceof MethodSymbol m) {
      callee = m;
      args = call.getArguments();
      receiverType =
          call.getTarget().isStatic() ? null : (Type) call.getTarget().getReceiver().getType();
    } else if (n instanceof ObjectCreationNode creation) {
      callee = ASTHelpers.getSymbol(creation.getTree());
      args = creation.getArguments();
    }
    if (callee == null) {
      // Markers at the end of a finally block rethrow what is already in flight.
      return unchecked ? notFollowed : base;
    }
    if (ctx.model.isNoThrow(callee, receiverType)) {
      // The model says the call cannot fail on valid input (`new JarOutputStream(out)` declares
      // IOException but only stores `out`).
      return notFollowed;
    }
    String exception = cause.tsym.getSimpleName().toString();
    if (unchecked && isSynthetic(n)) {
      // Calls the CFG builder made up (the iterator of an enhanced for) cannot fail on bad input.
      return notFollowed;
    }
    if (unchecked) {
      DocumentedException documented = ctx.model.documentedException(callee, receiverType);
      if (documented != null
          && !(n instanceof MethodInvocationNode call
              && Guards.isGuarded(call, documented.guards()))) {
        String name = documented.exception();
        if (Guards.isCaughtLocally(n, ctx.state.getTypeFromString(name), ctx.state)) {
          // The handler that catches the documented exception continues the normal flow: no
          // fact turns exceptional (and normal facts at the exceptional exit are not findings).
          return base;
        }
        exception = name.substring(name.lastIndexOf('.') + 1);
      } else if (!ctx.options.followUncheckedExceptions()) {
        return notFollowed;
      }
    } else if (ctx.model.isCharsetException(cause) && passesStandardCharset(args)) {
      return notFollowed;
    } else if (n instanceof MethodInvocationNode call
        && receiverType != null
        && ctx.model.releasesOnThrow(callee, receiverType)) {
      // `socket.connect(address)` closes the socket when the connection fails.
      AliasKey receiver = ctx.key(call.getTarget().getReceiver());
      if (receiver != null) {
        base = base.discharge(List.of(receiver)).store();
      }
    }
    return base.toExceptional(witness(Witness.Kind.CALL_THROWS, n.getTree(), exception));
  }

  /** A call the CFG builder made up, such as the {@code next()} of an enhanced for loop. */
  private static boolean isSynthetic(Node n) {
    if (!n.getInSource() || n.getTree() == null || ASTHelpers.getStartPosition(n.getTree()) < 0) {
      return true;
    }
    return n instanceof MethodInvocationNode call
        && call.getTarget().getReceiver() instanceof LocalVariableNode v
        && v.getName().contains("#");
  }

  private boolean passesStandardCharset(List<Node> args) {
    for (Node a : args) {
      if (a.getTree() instanceof LiteralTree lit
          && lit.getValue() instanceof String name
          && ctx.model.isStandardCharset(name)) {
        return true;
      }
    }
    return false;
  }

  private static Witness witness(Witness.Kind kind, @Nullable Tree tree, String detail) {
    return new Witness(kind, tree, tree == null ? -1 : ASTHelpers.getStartPosition(tree), detail);
  }
}
