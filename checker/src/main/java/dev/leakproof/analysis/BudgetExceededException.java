package dev.leakproof.analysis;

/** A method is too large to analyse within the configured budget; it is skipped. */
final class BudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BudgetExceededException(String what) {
    super(what, null, false, false);
  }
}
