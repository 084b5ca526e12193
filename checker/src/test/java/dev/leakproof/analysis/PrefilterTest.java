package dev.leakproof.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which units the prefilter sends to the analysis. A failure injected into the analysis of a unit
 * becomes a note naming it, so the notes list exactly the units that were analysed.
 */
class PrefilterTest {
  @TempDir Path dir;

  private static final String POOL =
      """
      import java.io.*;
      class Pool {
        private final InputStream shared;
        Pool(InputStream shared) {
          this.shared = shared;
        }
        InputStream stream() {
          return shared;
        }
        int size() throws IOException {
          return stream().available(); // a getter of this file: it acquires nothing
        }
        Reader reader() {
          return new InputStreamReader(shared); // wraps what it is given
        }
        InputStream empty() {
          return new ByteArrayInputStream(new byte[0]); // holds nothing
        }
        InputStream open(File f) throws IOException {
          return new FileInputStream(f);
        }
        int peek(File f) throws IOException {
          try (InputStream in = open(f)) { // a factory of this file
            return in.read();
          }
        }
        InputStream nth(File f, int n) throws IOException {
          return n == 0 ? open(f) : nth(f, n - 1); // through recursion
        }
        int first(File f) throws IOException {
          try (InputStream in = nth(f, 3)) {
            return in.read();
          }
        }
      }
      """;

  @AfterEach
  void disarm() {
    Faults.arm(null);
    System.setProperty(LeakAnalysis.STRICT_PROPERTY, "true");
  }

  @Test
  void onlyUnitsThatMayAcquireAreAnalysed() throws IOException {
    Path file = dir.resolve("Pool.java");
    Files.writeString(file, POOL);
    Scanner.Result clean = Scanner.scan(List.of(file), List.of());
    assertEquals(List.of(), clean.errors());
    assertEquals(List.of(), clean.findings());

    System.setProperty(LeakAnalysis.STRICT_PROPERTY, "false");
    Faults.arm(Faults.Point.ANALYSIS);
    Scanner.Result r = Scanner.scan(List.of(file), List.of());
    assertEquals(List.of(), r.errors());
    assertEquals(
        List.of("first", "nth", "open", "peek"),
        r.notes().stream()
            .map(n -> n.replaceFirst(".* did not check method (\\w+)\\(\\).*", "$1"))
            .distinct()
            .sorted()
            .toList(),
        r.notes().toString());
  }
}
