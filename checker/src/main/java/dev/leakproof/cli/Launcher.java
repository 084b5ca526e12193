package dev.leakproof.cli;

import java.lang.reflect.InvocationTargetException;

/**
 * The CLI jar's entry point. It is compiled for Java 8 so that it can run on any JDK and say
 * plainly that the CLI needs 21 or newer, instead of failing with an {@code
 * UnsupportedClassVersionError}. It must not touch any other class of the CLI until the check has
 * passed.
 */
public final class Launcher {
  static final int MINIMUM_JDK = 21;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    String version = System.getProperty("java.specification.version", "");
    if (feature(version) < MINIMUM_JDK) {
      System.err.println(
          "leakproof: this is Java "
              + version
              + " ("
              + System.getProperty("java.home")
              + "); the Leakproof CLI needs a JDK "
              + MINIMUM_JDK
              + " or newer, because Error Prone does.");
      System.err.println(
          "leakproof: run it with a newer JDK's java, for example"
              + " /path/to/jdk-21/bin/java -jar leakproof-cli.jar scan ...");
      System.exit(2);
      return;
    }
    try {
      Class.forName("dev.leakproof.cli.Main")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17. */
  static int feature(String specificationVersion) {
    String v =
        specificationVersion.startsWith("1.")
            ? specificationVersion.substring(2)
            : specificationVersion;
    int dot = v.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
