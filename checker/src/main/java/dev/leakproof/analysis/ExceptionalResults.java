package dev.leakproof.analysis;

import java.util.function.Function;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.Store;

/**
 * Transfer results whose exceptional stores are computed per exception type when the analysis asks
 * for them. The CFG may put one node into several exception blocks (an array access has one per
 * exception type), so the edges are not looked up through the node's block.
 */
final class ExceptionalResults {
  private ExceptionalResults() {}

  /** A regular result. */
  static final class Regular<S extends Store<S>> extends RegularTransferResult<NoValue, S> {
    private final Function<TypeMirror, S> exceptional;

    Regular(S regular, Function<TypeMirror, S> exceptional) {
      super(null, regular);
      this.exceptional = exceptional;
    }

    @Override
    public S getExceptionalStore(TypeMirror exception) {
      return exceptional.apply(exception);
    }
  }

  /** A result with one store where the node is true and one where it is false. */
  static final class Conditional<S extends Store<S>> extends ConditionalTransferResult<NoValue, S> {
    private final Function<TypeMirror, S> exceptional;

    Conditional(S whenTrue, S whenFalse, Function<TypeMirror, S> exceptional) {
      super(null, whenTrue, whenFalse);
      this.exceptional = exceptional;
    }

    @Override
    public S getExceptionalStore(TypeMirror exception) {
      return exceptional.apply(exception);
    }
  }
}
