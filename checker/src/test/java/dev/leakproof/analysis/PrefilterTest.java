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

  /**
   * Same-file helpers that take a stream: analysed only for a stream the caller tracks. They come
   * after their callers, so that the result of a helper's analysis for its summary is what its own
   * check reads (and notes).
   */
  private static final String RELAY =
      """
      import java.io.*;
      class Relay {
        private final OutputStream out;
        Relay(OutputStream out) {
          this.out = out;
        }
        void copy(File f) throws IOException {
          try (InputStream in = new FileInputStream(f)) {
            put(out, in.read()); // the caller does not own `out`: put() cannot change a thing
          }
        }
        int send(File f) throws IOException {
          try (InputStream in = new FileInputStream(f)) {
            return drain(in);
          }
        }
        private static void put(OutputStream o, int b) throws IOException {
          o.write(b);
        }
        private static int drain(InputStream i) throws IOException {
          return i.read();
        }
      }
      """;

  /** Options that hold nothing until setVisualSignature (a resource-after entry of the model). */
  private static final String SIGNATURE_OPTIONS =
      """
      package org.apache.pdfbox.pdmodel.interactive.digitalsignature;
      public class SignatureOptions implements java.io.Closeable {
        public void setPage(int page) {}
        public void setVisualSignature(java.io.File file) throws java.io.IOException {}
        @Override public void close() {}
      }
      """;

  private static final String SIGNER =
      """
      import java.io.*;
      import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
      class Signer {
        void sign(File image) throws IOException {
          try (SignatureOptions options = new SignatureOptions()) { // its only acquisition
            options.setVisualSignature(image);
          }
        }
        void reuse(SignatureOptions options, int page) {
          options.setPage(page); // acquires nothing
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
    assertEquals(List.of("first", "nth", "open", "peek"), analysedMethods("Pool", POOL));
  }

  @Test
  void helpersAreAnalysedOnlyForWhatTheCallerTracks() throws IOException {
    assertEquals(List.of("drain"), analysedMethods("Relay", RELAY, "drain"));
    assertEquals(List.of(), analysedMethods("Relay", RELAY, "put"));
    assertEquals(List.of("copy", "send"), analysedMethods("Relay", RELAY, null));
  }

  @Test
  void objectsThatHoldNothingYetAreAnalysed() throws IOException {
    Path dep = dir.resolve("org/apache/pdfbox/pdmodel/interactive/digitalsignature");
    Files.createDirectories(dep);
    Files.writeString(dep.resolve("SignatureOptions.java"), SIGNATURE_OPTIONS);
    assertEquals(
        List.of("sign"),
        analysedMethods("Signer", SIGNER, null, dep.resolve("SignatureOptions.java")));
  }

  private List<String> analysedMethods(String name, String source) throws IOException {
    return analysedMethods(name, source, null);
  }

  /**
   * The methods of {@code source} whose leak analysis ran (of those named {@code only}, if not
   * null); the source has no findings otherwise.
   */
  private List<String> analysedMethods(String name, String source, String only, Path... others)
      throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source);
    List<Path> files = new java.util.ArrayList<>(List.of(others));
    files.add(0, file);
    Scanner.Result clean = Scanner.scan(files, List.of());
    assertEquals(List.of(), clean.errors());
    assertEquals(List.of(), clean.findings());

    System.setProperty(LeakAnalysis.STRICT_PROPERTY, "false");
    Faults.arm(Faults.Point.ANALYSIS, only);
    Scanner.Result r = Scanner.scan(files, List.of());
    assertEquals(List.of(), r.errors());
    return r.notes().stream()
        .map(n -> n.replaceFirst(".* did not check method (\\w+)\\(\\).*", "$1"))
        .distinct()
        .sorted()
        .toList();
  }
}
