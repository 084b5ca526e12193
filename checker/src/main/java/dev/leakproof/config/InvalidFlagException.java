package dev.leakproof.config;

/** A {@code -XepOpt:Leakproof:*} flag is unknown or has a bad value; the message says the fix. */
public final class InvalidFlagException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidFlagException(String message) {
    super(message);
  }
}
