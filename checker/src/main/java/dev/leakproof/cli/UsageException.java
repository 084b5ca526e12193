package dev.leakproof.cli;

/** The command line or the configuration is wrong; the message says how to put it right. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
