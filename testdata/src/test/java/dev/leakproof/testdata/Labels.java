package dev.leakproof.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the corpus: its source files and the findings their labels expect. */
final class Labels {
  /** A finding, expected by a label or reported by javac, identified by place and check. */
  record Finding(String file, long line, String check) implements Comparable<Finding> {
    @Override
    public int compareTo(Finding o) {
      int c = file.compareTo(o.file);
      return c != 0 ? c : line != o.line ? Long.compare(line, o.line) : check.compareTo(o.check);
    }

    @Override
    public String toString() {
      return file + ":" + line + " [" + check + "]";
    }
  }

  private static final Pattern MARKER =
      Pattern.compile("^\\s*//\\s*BUG: Diagnostic contains:\\s*(\\[(\\w+)\\])?");
  private static final Pattern LABEL = Pattern.compile("//\\s*(leak|ok):");

  static final Path ROOT = Path.of(System.getProperty("leakproof.testdata", "."));

  private Labels() {}

  /** The corpus files: every {@code .java} one level under a check folder, golden halves aside. */
  static List<Path> sources() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<Path> files = new ArrayList<>();
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = dir.getFileName().toString();
        if (name.equals("src") || name.equals("target") || name.equals("broken")
            || name.equals("demo") || name.startsWith(".")) {
          continue;
        }
        try (Stream<Path> inDir = Files.list(dir)) {
          inDir
              .filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith(".fixed.java"))
              .sorted()
              .forEach(files::add);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The findings the markers expect: each marker names the check reported on the next line, or
   * (when it quotes only part of the message, such as a no-fix reason) the check of its folder.
   */
  static List<Finding> expected(List<Path> files) {
    List<Finding> expected = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        if (m.find()) {
          String check = m.group(2) != null ? m.group(2) : file.getParent().getFileName().toString();
          expected.add(new Finding(relative(file), i + 2, check));
        }
      }
    }
    return expected;
  }

  /** Lines that carry a {@code // leak:} or {@code // ok:} acquisition label. */
  static long labelledAcquisitions(List<Path> files) {
    long count = 0;
    for (Path file : files) {
      for (String line : read(file)) {
        if (LABEL.matcher(line).find()) {
          count++;
        }
      }
    }
    return count;
  }

  static String relative(Path file) {
    return ROOT.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
