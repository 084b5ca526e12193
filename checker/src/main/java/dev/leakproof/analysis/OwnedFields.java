package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.ResolvedModel;
import dev.leakproof.model.ResolvedModel.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import org.jspecify.annotations.Nullable;

/**
 * The instance fields that a class owns: declared {@code @Owning}, or assigned (in a field
 * initializer, a constructor or a method of the class) a resource the class acquires itself,
 * directly or through a local that holds it. A field that only ever receives what a caller passed
 * in is not owned, nor is one declared {@code @NotOwning}, nor a static field (those usually live
 * as long as the program).
 *
 * <p>Syntactic on purpose: it runs once per class, before any method is analysed, so that the
 * analysis of each method can treat owned fields as obligations from the start.
 */
public final class OwnedFields {
  private OwnedFields() {}

  /**
   * An owned field.
   *
   * @param declaration its declaration
   * @param acquisition the expression that acquires its resource (the declaration if none)
   * @param openedAtConstruction whether a field initializer or constructor opens it: then it is
   *     open whenever a method runs, and a method that overwrites it without closing it leaks (a
   *     field that only methods open, such as {@code start()}, may well be null then)
   * @param parent the owned field whose release also releases this one (a statement field made from
   *     a connection field), or null
   * @param madeFrom the field of this class, owned or not, that every value this field is given is
   *     a child of (the connection of a statement field), so that closing it releases this one;
   *     null if there is none or children must be closed on their own
   */
  public record Owned(
      VariableTree declaration,
      Tree acquisition,
      boolean openedAtConstruction,
      @Nullable VariableElement parent,
      @Nullable VariableElement madeFrom) {

    Owned(VariableTree declaration, Tree acquisition, boolean openedAtConstruction) {
      this(declaration, acquisition, openedAtConstruction, null, null);
    }

    Owned withParent(VariableElement field) {
      return new Owned(declaration, acquisition, openedAtConstruction, field, madeFrom);
    }

    Owned withMadeFrom(VariableElement field) {
      return new Owned(declaration, acquisition, openedAtConstruction, parent, field);
    }
  }

  static Map<VariableElement, Owned> of(
      ClassTree cls, ResolvedModel model, boolean childrenMustBeClosed, Context context) {
    Map<VariableElement, VariableTree> fields = new LinkedHashMap<>();
    for (Tree member : cls.getMembers()) {
      if (member instanceof VariableTree v
          && ASTHelpers.getSymbol(v) instanceof VariableElement sym
          && sym.getKind() == ElementKind.FIELD
          && !sym.getModifiers().contains(Modifier.STATIC)
          && !Annotations.isNotOwning((Symbol) sym)) {
        fields.put(sym, v);
      }
    }
    Map<VariableElement, Owned> owned = new LinkedHashMap<>();
    if (fields.keySet().stream().noneMatch(f -> model.isCloseable((Type) f.asType()))) {
      return owned; // only a closeable field can be owned: no need to look at the methods
    }
    for (Map.Entry<VariableElement, VariableTree> e : fields.entrySet()) {
      VariableTree v = e.getValue();
      Type fieldType = (Type) e.getKey().asType();
      if (!model.isCloseable(fieldType) || model.isNotResourceType(fieldType)) {
        continue; // @Owning Object, @MustCall({}) Foo: nothing to release
      }
      if (Annotations.isOwning((Symbol) e.getKey())) {
        owned.put(e.getKey(), new Owned(v, v, false));
      } else if (v.getInitializer() != null
          && acquires(v.getInitializer(), Map.of(), model, context)) {
        owned.put(e.getKey(), new Owned(v, v.getInitializer(), true));
      }
    }
    Map<VariableElement, VariableElement> receivers = new HashMap<>();
    Map<VariableElement, VariableElement> sources = new HashMap<>();
    for (Tree member : cls.getMembers()) {
      if (member instanceof MethodTree method && method.getBody() != null) {
        scanAssignments(method, fields, owned, receivers, sources, model, context);
      }
    }
    if (!owned.isEmpty()) {
      owned.keySet().removeAll(handedOver(cls, owned.keySet(), model));
    }
    if (!childrenMustBeClosed) {
      receivers.forEach(
          (child, parent) -> {
            if (owned.containsKey(child) && owned.containsKey(parent) && !child.equals(parent)) {
              owned.put(child, owned.get(child).withParent(parent));
            }
          });
      sources.forEach(
          (child, source) -> {
            if (owned.containsKey(child) && !child.equals(source)) {
              owned.put(child, owned.get(child).withMadeFrom(source));
            }
          });
    }
    return owned;
  }

  /**
   * The owned fields whose resource the class hands to another owner somewhere: passed to a call
   * that the model says takes ownership (a collection's {@code add}), or to the constructor of an
   * object that is not itself a resource (a listener or worker that closes it when it stops). The
   * class is then not the only one that can release it, and this syntactic view cannot tell who
   * does, so the field is not reported. A wrapper's constructor ({@code new BufferedReader(in)}) is
   * no hand-over: the class still holds the chain.
   */
  private static Set<VariableElement> handedOver(
      ClassTree cls, Set<VariableElement> fields, ResolvedModel model) {
    Set<VariableElement> handed = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getSymbol(call) instanceof MethodSymbol m) {
          ExpressionTree receiver = ASTHelpers.getReceiver(call);
          if (model.roleOf(m, receiver == null ? null : ASTHelpers.getType(receiver))
              == Role.TAKES_OWNERSHIP) {
            call.getArguments().forEach(a -> addIfField(a, fields, handed));
          }
        }
        return super.visitMethodInvocation(call, unused);
      }

      @Override
      public Void visitNewClass(NewClassTree n, Void unused) {
        if (!model.isCloseable(ASTHelpers.getType(n))) {
          n.getArguments().forEach(a -> addIfField(a, fields, handed));
        }
        return super.visitNewClass(n, unused);
      }

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return nested == cls ? super.visitClass(nested, unused) : null;
      }
    }.scan(cls, null);
    return handed;
  }

  private static void addIfField(
      ExpressionTree argument, Set<VariableElement> fields, Set<VariableElement> handed) {
    ExpressionTree a = ASTHelpers.stripParentheses(argument);
    if (isThisField(a)
        && ASTHelpers.getSymbol(a) instanceof VariableElement v
        && fields.contains(v)) {
      handed.add(v);
    }
  }

  /**
   * Whether a method of {@code cls} (not a constructor, not a nested class) releases {@code field}:
   * calls a release method on it ({@code field.close()}) or passes it to a closer ({@code
   * IOUtils.closeQuietly(field)}).
   */
  static boolean releasedByAMethod(ClassTree cls, VariableElement field, ResolvedModel model) {
    boolean[] found = {false};
    for (Tree member : cls.getMembers()) {
      if (!(member instanceof MethodTree m)
          || m.getBody() == null
          || ASTHelpers.getSymbol(m) == null
          || ASTHelpers.getSymbol(m).isConstructor()) {
        continue;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (ASTHelpers.getSymbol(call) instanceof MethodSymbol callee) {
            ExpressionTree receiver = ASTHelpers.getReceiver(call);
            Role role =
                model.roleOf(callee, receiver == null ? null : ASTHelpers.getType(receiver));
            if (role == Role.RELEASE && receiver != null && refersTo(receiver, field)) {
              found[0] = true;
            }
            if (role == Role.CLOSER || model.isCloser(callee)) {
              for (ExpressionTree arg : call.getArguments()) {
                found[0] |= refersTo(arg, field);
              }
            }
          }
          return super.visitMethodInvocation(call, unused);
        }

        @Override
        public Void visitClass(ClassTree nested, Void unused) {
          return null;
        }
      }.scan(m.getBody(), null);
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} is {@code field} or {@code this.field}. */
  private static boolean refersTo(ExpressionTree e, VariableElement field) {
    ExpressionTree x = ASTHelpers.stripParentheses(e);
    return isThisField(x) && field.equals(ASTHelpers.getSymbol(x));
  }

  /**
   * The field that the receiver of a {@code child} call (a connection's {@code prepareStatement})
   * stands for: the field itself, or a local stored into it in the same method; null otherwise.
   */
  private static @Nullable VariableElement childOf(
      ExpressionTree acquisition,
      Map<VariableElement, VariableTree> fields,
      Map<Symbol, VariableElement> localToField,
      ResolvedModel model) {
    if (acquisition instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol(call) instanceof MethodSymbol m
        && ASTHelpers.getReceiver(call) instanceof ExpressionTree receiver
        && model.roleOf(m, ASTHelpers.getType(receiver)) == Role.CHILD) {
      Symbol r = ASTHelpers.getSymbol(receiver);
      if (r instanceof VariableElement v && fields.containsKey(v)) {
        return v;
      }
      return localToField.get(r);
    }
    return null;
  }

  private static void scanAssignments(
      MethodTree method,
      Map<VariableElement, VariableTree> fields,
      Map<VariableElement, Owned> owned,
      Map<VariableElement, VariableElement> receivers,
      Map<VariableElement, VariableElement> sources,
      ResolvedModel model,
      Context context) {
    Map<Symbol, ExpressionTree> localInitializers = new HashMap<>();
    Map<Symbol, VariableElement> localToField = new HashMap<>();
    Set<Symbol> closedHere = closedLocals(method);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        Symbol sym = ASTHelpers.getSymbol(v);
        if (sym != null && v.getInitializer() != null) {
          localInitializers.put(sym, v.getInitializer());
        }
        return super.visitVariable(v, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        Symbol target = ASTHelpers.getSymbol(a.getVariable());
        if (target instanceof VariableElement v) {
          if (fields.containsKey(v)
              && ASTHelpers.getSymbol(a.getExpression()) instanceof Symbol s
              && (s.getKind() == ElementKind.LOCAL_VARIABLE
                  || s.getKind() == ElementKind.PARAMETER)) {
            localToField.put(s, v);
          }
          if (fields.containsKey(v)) {
            VariableElement parent = childOf(a.getExpression(), fields, localToField, model);
            if (parent != null) {
              receivers.put(v, parent);
            }
            if (!(ASTHelpers.stripParentheses(a.getExpression()) instanceof LiteralTree)) {
              // Every value the field is given must come from the same field for closing that
              // one to release it; anything else (another connection, a parameter's statement)
              // marks the field as its own source, which releases nothing.
              sources.merge(v, parent == null ? v : parent, (x, y) -> x.equals(y) ? x : v);
            }
          }
          boolean inConstructor =
              ASTHelpers.getSymbol(method) != null && ASTHelpers.getSymbol(method).isConstructor();
          Owned known = owned.get(v);
          if (fields.containsKey(v)
              && isThisField(a.getVariable())
              && (known == null || (inConstructor && !known.openedAtConstruction()))
              && acquires(a.getExpression(), localInitializers, model, context)
              && !(ASTHelpers.stripParentheses(a.getExpression()) instanceof IdentifierTree id
                  && closedHere.contains(ASTHelpers.getSymbol(id)))) {
            // A local the method closes itself only lends its resource to the field.
            owned.put(v, new Owned(fields.get(v), a.getExpression(), inConstructor));
          } else if (!fields.containsKey(v)) {
            localInitializers.put(target, a.getExpression());
          }
        }
        return super.visitAssignment(a, unused);
      }

      @Override
      public Void visitClass(ClassTree nested, Void unused) {
        return null; // a nested class's assignments are its own
      }
    }.scan(method.getBody(), null);
  }

  /**
   * The locals that the method closes itself on every path: {@code x.close()} in a {@code finally}
   * block, or a try-with-resources that declares or names them. (A close in a {@code catch} block
   * does not count: a constructor that closes on failure and stores on success hands the resource
   * to the field.)
   */
  private static Set<Symbol> closedLocals(MethodTree method) {
    Set<Symbol> closed = new HashSet<>();
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Boolean inFinally) {
        if (inFinally
            && call.getArguments().isEmpty()
            && call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("close")
            && select.getExpression() instanceof IdentifierTree id
            && ASTHelpers.getSymbol(id) instanceof Symbol sym
            && sym.getKind() == ElementKind.LOCAL_VARIABLE) {
          closed.add(sym);
        }
        return super.visitMethodInvocation(call, inFinally);
      }

      @Override
      public Void visitTry(TryTree tree, Boolean inFinally) {
        for (Tree r : tree.getResources()) {
          Symbol sym = ASTHelpers.getSymbol(r);
          if (sym != null && sym.getKind() == ElementKind.LOCAL_VARIABLE) {
            closed.add(sym);
          }
        }
        scan(tree.getResources(), inFinally);
        scan(tree.getBlock(), inFinally);
        scan(tree.getCatches(), inFinally);
        scan(tree.getFinallyBlock(), true);
        return null;
      }

      @Override
      public Void visitClass(ClassTree nested, Boolean inFinally) {
        return null;
      }
    }.scan(method.getBody(), false);
    return closed;
  }

  /**
   * Whether {@code tree} names a member of this object: a simple name ({@code x}) or {@code
   * this.x}, not another object's field. Callers check the symbol's kind.
   */
  static boolean isThisField(ExpressionTree tree) {
    ExpressionTree t = ASTHelpers.stripParentheses(tree);
    return t instanceof IdentifierTree
        || (t instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree id
            && id.getName().contentEquals("this"));
  }

  /** Whether evaluating {@code e} gives a resource the class acquires itself. */
  private static boolean acquires(
      @Nullable ExpressionTree e,
      Map<Symbol, ExpressionTree> locals,
      ResolvedModel model,
      Context context) {
    while (e instanceof ParenthesizedTree p || e instanceof TypeCastTree) {
      e = e instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) e).getExpression();
    }
    if (e instanceof IdentifierTree id) {
      Symbol local = ASTHelpers.getSymbol(id);
      return local != null
          && local.getKind() == ElementKind.LOCAL_VARIABLE
          && acquires(locals.get(local), Map.of(), model, context);
    }
    Type type = ASTHelpers.getType(e);
    if (e == null || !model.isCloseable(type)) {
      return false;
    }
    if (e instanceof NewClassTree n) {
      if (n.getClassBody() != null) {
        return false;
      }
      if (ASTHelpers.getSymbol(n) instanceof MethodSymbol ctor
          && model.isNotResourceConstructor(ctor)) {
        return false; // new Formatter(stringBuilder)
      }
      boolean wrapsSomething = false;
      for (ExpressionTree arg : n.getArguments()) {
        if (model.isCloseable(ASTHelpers.getType(arg))) {
          wrapsSomething = true;
          if (acquires(arg, locals, model, context)) {
            return true; // a decorator around a resource the class opened
          }
        }
      }
      return !wrapsSomething
          && !model.isNotResourceType(type)
          && !TrivialClose.of(type, model, context);
    }
    if (e instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol(call) instanceof MethodSymbol m) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      Role role = model.roleOf(m, receiver == null ? null : ASTHelpers.getType(receiver));
      return role == Role.ACQUIRE
          || role == Role.CHILD
          || Annotations.returnsOwned(m)
          || (role == Role.NONE
              && !model.isNotResourceType(type)
              && model.isFactoryName(m.getSimpleName()));
    }
    return false;
  }
}
