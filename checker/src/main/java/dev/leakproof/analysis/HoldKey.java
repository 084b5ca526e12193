package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What a lock (or a piece of shared state) is, as the source names it: a path of symbols from a
 * field, a class or {@code this}, through fields and argument-less getters ({@code rwl.readLock()},
 * {@code Thread.currentThread()}), optionally followed by the key of a keyed state ({@code
 * MDC.put("requestId", …)}). Two expressions with the same path name the same lock while the fields
 * do not change, which is what a method that locks and unlocks assumes.
 *
 * @param path symbols (and the markers {@code "this"}, {@code "#stamp"}, constant values)
 */
record HoldKey(List<Object> path) {
  static final String THIS = "this";

  HoldKey {
    path = List.copyOf(path);
  }

  /** The key of a stamp held in local {@code variable}. */
  static HoldKey stamp(Symbol variable) {
    return new HoldKey(List.of(variable, "#stamp"));
  }

  HoldKey plus(Object element) {
    List<Object> next = new ArrayList<>(path);
    next.add(element);
    return new HoldKey(next);
  }

  boolean startsWith(HoldKey prefix) {
    return path.size() >= prefix.path.size()
        && path.subList(0, prefix.path.size()).equals(prefix.path);
  }

  /**
   * The key of the receiver of {@code call}: {@code this} for an unqualified instance method, the
   * class for a static one; null when the receiver is nothing a key can name (a method call with
   * arguments, a new object, an array element).
   *
   * @param locals effectively final locals with their initializers, so that {@code Lock l =
   *     rwl.writeLock(); l.lock()} names the same lock as {@code rwl.writeLock().unlock()}
   */
  static @Nullable HoldKey ofReceiver(
      MethodInvocationTree call, Map<Symbol, ExpressionTree> locals) {
    MethodSymbol m = ASTHelpers.getSymbol(call);
    if (m == null) {
      return null;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return m.isStatic() ? new HoldKey(List.of(m.owner)) : new HoldKey(List.of(THIS));
    }
    return of(receiver, locals, 0);
  }

  static @Nullable HoldKey of(
      @Nullable ExpressionTree e, Map<Symbol, ExpressionTree> locals, int depth) {
    if (e == null || depth > 8) {
      return null;
    }
    while (e instanceof ParenthesizedTree || e instanceof TypeCastTree) {
      e = e instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) e).getExpression();
    }
    Symbol sym = ASTHelpers.getSymbol(e);
    if (e instanceof IdentifierTree) {
      if (sym == null) {
        return null;
      }
      if (sym.getSimpleName().contentEquals("this")) {
        return new HoldKey(List.of(THIS));
      }
      if (sym instanceof ClassSymbol) {
        return new HoldKey(List.of(sym));
      }
      if (sym.getKind() == ElementKind.LOCAL_VARIABLE
          || sym.getKind() == ElementKind.PARAMETER
          || sym.getKind() == ElementKind.RESOURCE_VARIABLE) {
        ExpressionTree init = locals.get(sym);
        HoldKey through = init == null ? null : of(init, locals, depth + 1);
        return through != null ? through : new HoldKey(List.of(sym));
      }
      if (sym.getKind() == ElementKind.FIELD) {
        return sym.isStatic() ? new HoldKey(List.of(sym)) : new HoldKey(List.of(THIS, sym));
      }
      return null;
    }
    if (e instanceof MemberSelectTree select) {
      if (sym instanceof ClassSymbol) {
        return new HoldKey(List.of(sym));
      }
      if (sym == null || sym.getKind() != ElementKind.FIELD) {
        return null;
      }
      if (sym.isStatic()) {
        return new HoldKey(List.of(sym));
      }
      HoldKey base = of(select.getExpression(), locals, depth + 1);
      return base == null ? null : base.plus(sym);
    }
    if (e instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && sym instanceof MethodSymbol m) {
      HoldKey base = ofReceiver(call, locals);
      return base == null ? null : base.plus(m);
    }
    return null;
  }

  /** A compile-time constant, or the key of an expression, as the key of a keyed state. */
  static @Nullable Object argumentKey(ExpressionTree arg, Map<Symbol, ExpressionTree> locals) {
    Object constant = ASTHelpers.constValue(arg);
    if (constant != null) {
      return constant;
    }
    return of(arg, locals, 0);
  }
}
