package dev.leakproof.checks;

import com.google.errorprone.scanner.ScannerSupplier;

/** Every Leakproof check, for tests that run them together as a user's build does. */
final class Checks {
  static final ScannerSupplier ALL =
      ScannerSupplier.fromBugCheckerClasses(
          ResourceLeak.class, ResourceLeakOnException.class, UnclosedResourceField.class);

  private Checks() {}
}
