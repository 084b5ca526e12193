package dev.leakproof.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/** Findings the way javac prints diagnostics, so editors and CI logs link them to the source. */
final class TextReport {
  private TextReport() {}

  /**
   * {@code path:line:column: warning: [Check] message}, then the source line and a caret under the
   * reported column, as javac does.
   */
  static void write(Scan.Result result, PrintStream out) {
    for (Finding finding : result.findings()) {
      Source source = finding.source();
      out.println(
          Scan.display(source.path)
              + ":"
              + finding.line()
              + ":"
              + finding.column()
              + ": "
              + finding.severity().word
              + ": ["
              + finding.check()
              + "] "
              + finding.message());
      String line = lineText(source, finding.start());
      out.println(line);
      out.println(
          caret(line, finding.column() - 1) + (finding.hasFix() ? "  (fix available)" : ""));
    }
  }

  /**
   * One line: how many findings in how many files, how many have a fix, and what became of the
   * fixes.
   */
  static void summary(Scan.Result result, Fixes.Applied applied, boolean fixed, PrintStream out) {
    Set<Source> withFindings = new HashSet<>();
    int withFix = 0;
    for (Finding finding : result.findings()) {
      withFindings.add(finding.source());
      if (finding.hasFix()) {
        withFix++;
      }
    }
    StringBuilder line = new StringBuilder("leakproof: ");
    line.append(plural(result.findings().size(), "finding"));
    line.append(" (").append(withFix).append(" with a fix) in ");
    line.append(withFindings.size()).append(" of ").append(plural(result.sources().size(), "file"));
    if (fixed) {
      line.append("; applied ")
          .append(plural(applied.applied().size(), "fix", "fixes"))
          .append(" to ")
          .append(plural(applied.changed().size(), "file"));
    }
    if (!result.notes().isEmpty()) {
      line.append("; ")
          .append(plural(result.notes().size(), "method or block", "methods or blocks"))
          .append(" not checked (notes on stderr)");
    }
    if (!applied.skipped().isEmpty()) {
      line.append("; ")
          .append(plural(applied.skipped().size(), "fix", "fixes"))
          .append(" left out because they overlap others (scan again after applying)");
    }
    out.println(line);
  }

  private static String lineText(Source source, int offset) {
    int from = offset - (source.column(offset) - 1);
    int to = source.text.indexOf('\n', from);
    String line = source.text.substring(from, to < 0 ? source.text.length() : to);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** Spaces up to the column, keeping the line's tabs so the caret lines up in a terminal. */
  private static String caret(String line, int column) {
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column && i < line.length(); i++) {
      caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return caret.append('^').toString();
  }

  private static String plural(int n, String word) {
    return plural(n, word, word + "s");
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
