package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.ResolvedModel;
import dev.leakproof.model.ResolvedModel.Role;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a constructor or call result is a resource the unit must release, using the model
 * for library knowledge and these language-level rules:
 *
 * <ul>
 *   <li>A constructor of an {@code AutoCloseable} class makes a resource, unless the model lists
 *       the type or constructor as not a resource, or the class is anonymous (an anonymous subclass
 *       given an owned resource wraps it, like any decorator). One of a {@code resource-after} type
 *       makes a dormant resource, which holds nothing until that call (see {@link Fact#dormant}).
 *   <li>A constructor of a class that is not closeable, given an owned resource, builds a holder:
 *       the new object joins the resource's obligation, so returning or storing it hands the
 *       resource over (releasing through it is impossible, so a dropped holder changes nothing).
 *   <li>A constructor or factory that receives a closeable argument wraps it (a decorator): the
 *       result joins the argument's obligation when the unit owns it, and is no resource at all
 *       when it does not (a reader over {@code System.in} or over a parameter).
 *   <li>A call on an open resource that returns a supertype of the receiver returns the receiver
 *       itself (fluent APIs such as {@code Writer.append}); the result joins its obligation.
 *   <li>A same-unit method returns what its summary says. Any other call that returns a resource
 *       and receives one the unit owns wraps it; otherwise it returns a fresh resource only when
 *       the model names it a factory, by entry or by name prefix.
 * </ul>
 */
final class Classifier {
  private Classifier() {}

  static Acquisition ofConstructor(
      NewClassTree tree, MethodSymbol ctor, List<Node> args, LeakStore s, UnitContext ctx) {
    Type type = (Type) ctor.owner.type;
    if (tree.getClassBody() != null) {
      // An anonymous subclass is no resource of its own, but one of a decorator wraps what it is
      // given, as its superclass would: `new FilterOutputStream(out) { ... }`.
      return ctx.model.isCloseable(type)
              && wrapping(args, s, ctx) instanceof Acquisition.Joins joins
          ? joins
          : Acquisition.NONE;
    }
    Acquisition annotated = annotated(ctor, args, s, ctx);
    if (annotated != null) {
      return annotated;
    }
    if (!ctx.model.isCloseable(type)) {
      // An object built around an owned resource holds it (new DefaultPooledObject<>(conn)):
      // returning or storing the holder hands the resource over too.
      List<AliasKey> held = new ArrayList<>();
      for (Node arg : flatten(args)) {
        AliasKey k = ctx.key(arg);
        if (s.tracks(k)) {
          held.add(k);
        }
      }
      return held.isEmpty() ? Acquisition.NONE : new Acquisition.Joins(held);
    }
    Acquisition wrapped = wrapping(args, s, ctx);
    if (wrapped != null) {
      return wrapped;
    }
    ResolvedModel model = ctx.model;
    if (model.isNotResourceType(type)
        || model.isNotResourceConstructor(ctor)
        || TrivialClose.of(type, model, ctx.state.context)) {
      return Acquisition.NONE;
    }
    // An object that holds nothing until a resource-after call: tracked from here, so that its
    // aliases are known, but a leak only once that call has given it something to hold.
    return model.isResourceOnlyAfterCall(ctor) ? Acquisition.DORMANT : Acquisition.FRESH;
  }

  static Acquisition ofCall(
      MethodSymbol method,
      Type resultType,
      boolean isStatic,
      @Nullable Type receiverType,
      @Nullable AliasKey receiver,
      List<Node> args,
      Role role,
      @Nullable Summary summary,
      LeakStore s,
      UnitContext ctx) {
    ResolvedModel model = ctx.model;
    if (role == Role.BUILDER_SETTER) {
      // A builder's setter returns the builder, which holds what it was given.
      return receiver != null && s.tracks(receiver)
          ? new Acquisition.Joins(List.of(receiver))
          : Acquisition.NONE;
    }
    if (!model.isCloseable(resultType)) {
      // A same-unit method that returns an object holding its argument (a font built over the
      // stream it was given) is a holder, like a constructor of one.
      return summary != null ? returnedArguments(summary, args, s, ctx) : Acquisition.NONE;
    }
    Acquisition annotated = annotated(method, args, s, ctx);
    if (annotated != null) {
      return annotated;
    }
    switch (role) {
      case ALIAS -> {
        return receiver != null && s.tracks(receiver)
            ? new Acquisition.Joins(List.of(receiver))
            : Acquisition.NONE;
      }
      case CHILD -> {
        if (!ctx.options.childrenMustBeClosed() && receiver != null && s.tracksOwned(receiver)) {
          ImmutableSet.Builder<Obligation> parents = ImmutableSet.builder();
          for (Obligation o : s.obligationsOf(receiver)) {
            if (!o.isInherited()) {
              parents.add(o);
            }
          }
          return new Acquisition.Fresh(parents.build());
        }
        return Acquisition.FRESH;
      }
      case ACQUIRE -> {
        Acquisition wrapped = wrapping(args, s, ctx);
        return wrapped != null ? wrapped : Acquisition.FRESH;
      }
      case RELEASE, CLOSER, TAKES_OWNERSHIP, NO_RESOURCE -> {
        // NO_RESOURCE: a view that holds nothing of its own, though its name reads as a factory's.
        return Acquisition.NONE;
      }
      case NONE -> {}
    }
    if (!isStatic
        && receiver != null
        && receiverType != null
        && s.tracks(receiver)
        && ctx.isSubtype(receiverType, resultType)) {
      return new Acquisition.Joins(List.of(receiver));
    }
    if (summary != null) {
      Acquisition returned = returnedArguments(summary, args, s, ctx);
      if (returned instanceof Acquisition.Joins) {
        return returned;
      }
      return summary.returnsFresh()
          ? Acquisition.FRESH
          : summary.returnsDormant() ? Acquisition.DORMANT : Acquisition.NONE;
    }
    if (model.isNotResourceType(resultType)) {
      return Acquisition.NONE;
    }
    // A call that returns a resource and is given one it wraps it, whatever its name:
    // IOUtils.lineIterator(in, cs), a JSON factory's createParser(reader).
    Acquisition wrapped = wrapping(args, s, ctx);
    if (wrapped instanceof Acquisition.Joins) {
      return wrapped;
    }
    if (!model.isFactoryName(method.getSimpleName())) {
      return Acquisition.NONE;
    }
    return wrapped != null ? wrapped : Acquisition.FRESH;
  }

  /** The result joins the open arguments that the summary says the callee returns, if any. */
  private static Acquisition returnedArguments(
      Summary summary, List<Node> args, LeakStore s, UnitContext ctx) {
    List<AliasKey> returned = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      AliasKey k = ctx.key(args.get(i));
      if (summary.returns(i) && s.tracks(k)) {
        returned.add(k);
      }
    }
    return returned.isEmpty() ? Acquisition.NONE : new Acquisition.Joins(returned);
  }

  /**
   * What ownership annotations on the callee say, or null if they say nothing: {@code @NotOwning}
   * or a {@code @MustCall({})} return type (no resource), {@code @MustCallAlias} (the result shares
   * the marked argument's obligation), {@code @MustBeClosed} or {@code @Owning} (a fresh resource).
   */
  private static @Nullable Acquisition annotated(
      MethodSymbol method, List<Node> args, LeakStore s, UnitContext ctx) {
    List<String> returned =
        method.isConstructor() ? null : ctx.model.mustCall(method.getReturnType());
    if (Annotations.returnsNotOwned(method) || (returned != null && returned.isEmpty())) {
      return Acquisition.NONE;
    }
    int alias = Annotations.mustCallAliasParameter(method);
    if (alias >= 0 && alias < args.size()) {
      AliasKey k = ctx.key(args.get(alias));
      return s.tracks(k) ? new Acquisition.Joins(List.of(k)) : Acquisition.NONE;
    }
    return Annotations.returnsOwned(method) ? Acquisition.FRESH : null;
  }

  /**
   * If some argument is closeable, the result wraps the owned ones (or nothing, when none is
   * owned); null when no argument is closeable.
   */
  private static @Nullable Acquisition wrapping(List<Node> args, LeakStore s, UnitContext ctx) {
    List<AliasKey> tracked = new ArrayList<>();
    boolean anyCloseable = false;
    for (Node arg : flatten(args)) {
      if (ctx.model.isCloseable((Type) arg.getType())) {
        anyCloseable = true;
        AliasKey k = ctx.key(arg);
        if (s.tracks(k)) {
          tracked.add(k);
        }
      }
    }
    if (!anyCloseable) {
      return null;
    }
    return tracked.isEmpty() ? Acquisition.NONE : new Acquisition.Joins(tracked);
  }

  /** The arguments, with the elements of a varargs array in place of the array. */
  static List<Node> flatten(List<Node> args) {
    List<Node> out = new ArrayList<>(args.size());
    for (Node a : args) {
      if (a instanceof ArrayCreationNode arr && !arr.getInitializers().isEmpty()) {
        out.addAll(arr.getInitializers());
      } else {
        out.add(a);
      }
    }
    return out;
  }
}
