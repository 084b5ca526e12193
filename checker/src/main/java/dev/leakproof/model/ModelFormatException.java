package dev.leakproof.model;

/** A model file has an entry that cannot be read; the message names the place and the fix. */
public final class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String origin, String problem, String fix) {
    super(origin + ": " + problem + ". " + fix);
  }
}
