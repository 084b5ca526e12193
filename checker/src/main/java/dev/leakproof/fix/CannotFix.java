package dev.leakproof.fix;

/** Thrown inside the rewrite when a shape cannot be fixed; carries the reason to the caller. */
final class CannotFix extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final NoFix reason;

  CannotFix(NoFix reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  /** Fails with {@code reason} unless {@code ok}. */
  static void check(boolean ok, NoFix reason) {
    if (!ok) {
      throw new CannotFix(reason);
    }
  }
}
