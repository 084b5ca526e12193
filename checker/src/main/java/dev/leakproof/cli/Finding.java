package dev.leakproof.cli;

import java.util.List;

/**
 * One finding of a check: where it is reported and, when the check offers one, its fix as text
 * edits of the same file.
 *
 * @param start the reported tree's start offset
 * @param end its end offset, or {@code start} when javac does not know it
 * @param fix the edits of the check's fix, in no particular order; empty when there is none
 */
record Finding(
    Source source,
    String check,
    Severity severity,
    String message,
    int start,
    int end,
    List<Edit> fix) {

  /** How a finding is shown: javac's words, and SARIF's levels. */
  enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    final String word;

    Severity(String word) {
      this.word = word;
    }
  }

  /** Replace {@code [start, end)} of the file's text with {@code text}. */
  record Edit(int start, int end, String text) {
    boolean overlaps(Edit other) {
      // Two insertions at one offset overlap too: their order would be a guess.
      return start < other.end && other.start < end
          || start == other.start && (start == end || other.start == other.end);
    }
  }

  boolean hasFix() {
    return !fix.isEmpty();
  }

  int line() {
    return source.line(start);
  }

  int column() {
    return source.column(start);
  }
}
