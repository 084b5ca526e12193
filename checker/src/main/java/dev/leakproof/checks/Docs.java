package dev.leakproof.checks;

/** Where each check's documentation page lives; the page is named after the check. */
final class Docs {
  static final String BASE = "https://github.com/leakproof/leakproof/blob/main/docs/";

  private Docs() {}
}
