package dev.leakproof.checks;

import com.google.errorprone.scanner.ScannerSupplier;

/** Leakproof's checks, for tests that run them together as a user's build does. */
final class Checks {
  /**
   * The checks that report leaks of resources, locks and temporary state. Tests of one leak check
   * run all of them, so that a test also shows the other checks stay quiet.
   */
  static final ScannerSupplier LEAKS =
      ScannerSupplier.fromBugCheckerClasses(
          ResourceLeak.class,
          ResourceLeakOnException.class,
          UnclosedResourceField.class,
          UnreleasedLock.class,
          UnrestoredState.class);

  /**
   * Every check. {@link PreferTryWithResources} is a refactoring suggestion on code that does not
   * leak; only its own tests and testdata folder expect its findings.
   */
  static final ScannerSupplier ALL =
      LEAKS.plus(ScannerSupplier.fromBugCheckerClasses(PreferTryWithResources.class));

  /** The checks whose findings a {@code testdata/<folder>} file marks. */
  static ScannerSupplier forFolder(String folder) {
    return folder.equals("PreferTryWithResources") ? ALL : LEAKS;
  }

  private Checks() {}
}
