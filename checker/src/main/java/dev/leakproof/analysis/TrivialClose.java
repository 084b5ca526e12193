package dev.leakproof.analysis;

import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.leakproof.model.ResolvedModel;

/**
 * Whether an object of exactly a given class has a {@code close()} that does nothing, so that
 * creating one acquires nothing.
 *
 * <p>Two cases: the class inherits the no-op {@code close()} of a model {@code trivial-close} type
 * ({@code InputStream}, {@code OutputStream}), or it overrides such a no-op with a {@code close()}
 * whose body, written in source, is empty (a view on its owner's channel that leaves the channel to
 * the owner). The override changes nothing, so the class holds no more than one that does not
 * override. An empty {@code close()} that overrides nothing but an interface's ({@code implements
 * Closeable}) still counts as a release: in self-contained code it usually stands in for a real
 * one, and there is no no-op behind it to fall back on. An override whose source is not in the
 * compilation (a class file) is taken to release something.
 */
final class TrivialClose {
  private TrivialClose() {}

  static boolean of(Type type, ResolvedModel model, Context context) {
    if (model.hasTrivialClose(type)) {
      return true;
    }
    Types types = Types.instance(context);
    for (Type t = types.erasure(type);
        t != null && t.tsym instanceof Symbol.ClassSymbol;
        t = types.supertype(t)) {
      for (Symbol member : t.tsym.members().getSymbolsByName(Names.instance(context).close)) {
        if (member instanceof MethodSymbol m
            && m.getParameters().isEmpty()
            && (m.flags() & Flags.ABSTRACT) == 0) {
          // The first close() found is the one the object runs: an empty one is trivial only if
          // what it overrides is.
          Type overridden = types.supertype(t);
          return isWrittenEmpty(m, context)
              && overridden != null
              && overridden.tsym instanceof Symbol.ClassSymbol
              && of(overridden, model, context);
        }
      }
    }
    return false;
  }

  /** Whether {@code m} is declared in this compilation with a body of no statements. */
  private static boolean isWrittenEmpty(MethodSymbol m, Context context) {
    return JavacTrees.instance(context).getTree(m) instanceof MethodTree tree
        && tree.getBody() != null
        && tree.getBody().getStatements().isEmpty();
  }
}
