package dev.leakproof.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Edits to a range of source text, rendered as one string so that a fix is a single replacement:
 * Error Prone's patch mode drops any replacement that overlaps another fix's, and a fix applied in
 * part would not compile.
 *
 * <p>Rendering can also indent the lines of a zone by one more level, except inside ranges whose
 * indentation must stay (the body of a {@code try} that the rewrite unwraps).
 */
final class TextEdits {
  private record Edit(int start, int end, String text) {}

  private final CharSequence source;
  private final List<Edit> edits = new ArrayList<>();
  private final List<int[]> dedents = new ArrayList<>();

  TextEdits(CharSequence source) {
    this.source = source;
  }

  /**
   * Replaces {@code [start, end)}. An edit inside an earlier one is dropped (the earlier one
   * removes its text anyway); an edit that covers earlier ones replaces them; a partial overlap
   * means two parts of the rewrite disagree, and the rewrite is abandoned.
   */
  void replace(int start, int end, String text) {
    if (start < 0 || end < start || end > source.length()) {
      throw new CannotFix(NoFix.UNSUPPORTED);
    }
    // A comment in the replaced text must survive in the new text: users read them.
    for (String comment : comments(start, end)) {
      CannotFix.check(text.contains(comment), NoFix.LAYOUT);
    }
    for (Edit e : edits) {
      if (e.start <= start && end <= e.end && e.end > e.start && (start < end || e.start < start)) {
        return;
      }
    }
    edits.removeIf(e -> start <= e.start && e.end <= end && (e.start < e.end || start < e.start));
    for (Edit e : edits) {
      if (start < e.end && e.start < end) {
        throw new CannotFix(NoFix.UNSUPPORTED);
      }
    }
    edits.add(new Edit(start, end, text));
  }

  void delete(int start, int end) {
    replace(start, end, "");
  }

  /**
   * Lines that start inside {@code [start, end)} lose one level of indentation when rendered (the
   * body of a {@code try} statement the rewrite unwraps).
   */
  void dedent(int start, int end) {
    dedents.add(new int[] {start, end});
  }

  /**
   * The text of {@code [from, to)} with the edits applied. Each line of the original text that
   * starts inside {@code [indentFrom, indentTo)} gets {@code unit} in front, unless it is blank or
   * its indentation is kept; text that edits insert is taken as is.
   */
  String render(int from, int to, int indentFrom, int indentTo, String unit) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    StringBuilder out = new StringBuilder();
    int pos = from;
    for (Edit e : sorted) {
      if (e.start < from || e.end > to) {
        continue;
      }
      copy(out, pos, e.start, indentFrom, indentTo, unit);
      out.append(e.text);
      pos = e.end;
    }
    copy(out, pos, to, indentFrom, indentTo, unit);
    return out.toString();
  }

  /**
   * The comments in {@code [from, to)}, each stripped of surrounding blanks; string, character and
   * text-block literals are skipped, so {@code "http://host"} is no comment.
   */
  private List<String> comments(int from, int to) {
    List<String> found = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        boolean textBlock =
            c == '"' && i + 2 < to && source.charAt(i + 1) == '"' && source.charAt(i + 2) == '"';
        i = textBlock ? skipTextBlock(i + 3, to) : skipLiteral(i + 1, to, c);
      } else if (c == '/' && i + 1 < to && source.charAt(i + 1) == '/') {
        int end = i;
        while (end < to && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
          end++;
        }
        found.add(source.subSequence(i, end).toString().strip());
        i = end;
      } else if (c == '/' && i + 1 < to && source.charAt(i + 1) == '*') {
        int end = i + 2;
        while (end + 1 < to && !(source.charAt(end) == '*' && source.charAt(end + 1) == '/')) {
          end++;
        }
        end = Math.min(to, end + 2);
        found.add(source.subSequence(i, end).toString().strip());
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }

  private int skipLiteral(int i, int to, char quote) {
    while (i < to && source.charAt(i) != quote && source.charAt(i) != '\n') {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private int skipTextBlock(int i, int to) {
    while (i + 2 < to
        && !(source.charAt(i) == '"'
            && source.charAt(i + 1) == '"'
            && source.charAt(i + 2) == '"')) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 3;
  }

  /** Whether some edit falls inside {@code [from, to)}. */
  boolean touches(int from, int to) {
    for (Edit e : edits) {
      if (from <= e.start && e.end <= to) {
        return true;
      }
    }
    return false;
  }

  private void copy(
      StringBuilder out, int from, int to, int indentFrom, int indentTo, String unit) {
    int i = from;
    while (i < to) {
      boolean lineStart = i > 0 && source.charAt(i - 1) == '\n';
      if (lineStart && !blankToEndOfLine(i)) {
        int level = (i >= indentFrom && i < indentTo ? 1 : 0) - (dedented(i) ? 1 : 0);
        if (level > 0) {
          out.append(unit);
        } else if (level < 0 && !unit.isEmpty() && startsWith(i, unit)) {
          i += unit.length();
          continue;
        }
      }
      out.append(source.charAt(i));
      i++;
    }
  }

  private boolean startsWith(int pos, String prefix) {
    return pos + prefix.length() <= source.length()
        && source.subSequence(pos, pos + prefix.length()).toString().equals(prefix);
  }

  private boolean dedented(int pos) {
    for (int[] r : dedents) {
      if (r[0] <= pos && pos < r[1]) {
        return true;
      }
    }
    return false;
  }

  private boolean blankToEndOfLine(int pos) {
    for (int i = pos; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }
}
