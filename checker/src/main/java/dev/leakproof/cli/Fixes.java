package dev.leakproof.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the fixes of a scan to the files' text, and writes the result as a unified diff.
 *
 * <p>Fixes are taken in the order of the findings. Edits that are identical to ones already taken
 * are shared (a group of nested findings carries one replacement for all of them); a fix with an
 * edit that overlaps a different one already taken is left out whole, never half applied. No fix is
 * applied twice, so {@code --fix} followed by {@code --patch} gives an empty patch.
 */
final class Fixes {
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");
  private static final String NO_NEWLINE = "\\ No newline at end of file";

  /** The new text of every file that changes, and which fixes went in and which did not. */
  record Applied(Map<Source, String> changed, List<Finding> applied, List<Finding> skipped) {}

  private Fixes() {}

  static Applied apply(List<Finding> findings) {
    Map<Source, List<Finding.Edit>> taken = new LinkedHashMap<>();
    List<Finding> applied = new ArrayList<>();
    List<Finding> skipped = new ArrayList<>();
    for (Finding finding : findings) {
      if (!finding.hasFix()) {
        continue;
      }
      List<Finding.Edit> accepted = taken.computeIfAbsent(finding.source(), s -> new ArrayList<>());
      if (compatible(finding.fix(), accepted)) {
        for (Finding.Edit edit : finding.fix()) {
          if (!accepted.contains(edit)) {
            accepted.add(edit);
          }
        }
        applied.add(finding);
      } else {
        skipped.add(finding);
      }
    }
    Map<Source, String> changed = new TreeMap<>(Comparator.comparing((Source s) -> s.relative));
    taken.forEach(
        (source, edits) -> {
          if (!edits.isEmpty()) {
            String text = edit(source.text, edits);
            if (!text.equals(source.text)) {
              changed.put(source, text);
            }
          }
        });
    return new Applied(changed, applied, skipped);
  }

  private static boolean compatible(List<Finding.Edit> fix, List<Finding.Edit> accepted) {
    for (Finding.Edit edit : fix) {
      for (Finding.Edit other : accepted) {
        if (!edit.equals(other) && edit.overlaps(other)) {
          return false;
        }
      }
    }
    return true;
  }

  private static String edit(String text, List<Finding.Edit> edits) {
    List<Finding.Edit> byStart = new ArrayList<>(edits);
    byStart.sort(Comparator.comparingInt(Finding.Edit::start).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Finding.Edit e : byStart) {
      out.replace(e.start(), e.end(), e.text());
    }
    return out.toString();
  }

  /**
   * A unified diff of every changed file, with paths relative to the scan root under {@code a/} and
   * {@code b/}, so that {@code git apply} at the root takes it.
   */
  static String unifiedDiff(Applied applied) {
    StringBuilder diff = new StringBuilder();
    applied
        .changed()
        .forEach(
            (source, revisedText) -> {
              Lines original = Lines.of(source.text);
              Lines revised = Lines.of(revisedText);
              Patch<String> patch = DiffUtils.diff(original.lines, revised.lines);
              List<String> unified =
                  UnifiedDiffUtils.generateUnifiedDiff(
                      "a/" + source.relative, "b/" + source.relative, original.lines, patch, 3);
              for (String line : markMissingNewlines(unified, original, revised)) {
                diff.append(line).append('\n');
              }
            });
    return diff.toString();
  }

  /**
   * Adds git's "no newline at end of file" marker after a file's last line when that line is in a
   * hunk and the file does not end with a newline; without it {@code git apply} rejects the patch.
   */
  private static List<String> markMissingNewlines(
      List<String> unified, Lines original, Lines revised) {
    if (original.endsWithNewline && revised.endsWithNewline) {
      return unified;
    }
    List<String> out = new ArrayList<>();
    int oldLine = 0;
    int newLine = 0;
    for (String line : unified) {
      out.add(line);
      Matcher hunk = HUNK.matcher(line);
      if (hunk.find()) {
        oldLine = Integer.parseInt(hunk.group(1)) - 1;
        newLine = Integer.parseInt(hunk.group(3)) - 1;
        continue;
      }
      if (line.startsWith("---") || line.startsWith("+++") || line.isEmpty()) {
        continue;
      }
      char kind = line.charAt(0);
      boolean lastOld = false;
      boolean lastNew = false;
      if (kind == ' ' || kind == '-') {
        oldLine++;
        lastOld = oldLine == original.lines.size() && !original.endsWithNewline;
      }
      if (kind == ' ' || kind == '+') {
        newLine++;
        lastNew = newLine == revised.lines.size() && !revised.endsWithNewline;
      }
      if (kind == ' ' && lastOld != lastNew) {
        // The same line ends one file and not the other: say it as a removal and an addition.
        out.remove(out.size() - 1);
        out.add("-" + line.substring(1));
        if (lastOld) {
          out.add(NO_NEWLINE);
        }
        out.add("+" + line.substring(1));
        if (lastNew) {
          out.add(NO_NEWLINE);
        }
      } else if (lastOld || lastNew) {
        out.add(NO_NEWLINE);
      }
    }
    return out;
  }

  /** A text split at {@code \n}; a {@code \r} before it stays part of the line. */
  private record Lines(List<String> lines, boolean endsWithNewline) {
    static Lines of(String text) {
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      boolean newline = text.endsWith("\n");
      if (newline || text.isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return new Lines(lines, newline || text.isEmpty());
    }
  }
}
