package dev.leakproof.model;

/**
 * Lets a library ship a Leakproof model for its own types: implement this, register the class in
 * {@code META-INF/services/dev.leakproof.model.ModelProvider}, and put the jar on the annotation
 * processor path next to Leakproof. The entries use the model file format of {@code docs/model.md}.
 */
public interface ModelProvider {

  /** A name that error messages use in place of a file name, such as the library's artifact. */
  String name();

  /** The model entries, one a line. */
  String model();
}
