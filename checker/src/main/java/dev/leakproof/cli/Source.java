package dev.leakproof.cli;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One scanned file: where it is, how reports name it, and its text as javac read it. Offsets are
 * javac's: indexes into {@link #text}, in UTF-16 code units.
 */
final class Source {
  final Path path;

  /** The path relative to the scan root, with {@code /} separators: SARIF's and the patch's. */
  final String relative;

  final String text;
  private final int[] lineStarts;

  Source(Path path, String relative, String text) {
    this.path = path;
    this.relative = relative;
    this.text = text;
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** The 1-based line of an offset. */
  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** The 1-based column of an offset, counted in UTF-16 code units (SARIF's default). */
  int column(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    return clamped - lineStarts[line(clamped) - 1] + 1;
  }
}
