package dev.leakproof.checks;

import com.google.errorprone.CompilationTestHelper;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ownership annotations projects already have, read by simple name. */
class AnnotationsTest {
  @Test
  void mustBeClosedAndOwningResultsAreOwned() {
    assertFindingsAndSuppression(
        """
        import com.google.errorprone.annotations.MustBeClosed;
        import java.io.*;
        import org.checkerframework.checker.mustcall.qual.Owning;
        class T {
          @MustBeClosed
          static InputStream open(String path) throws IOException {
            return new FileInputStream(path); // the annotated method may return it
          }
          int first(String path) throws IOException {
            // BUG: Diagnostic contains: `in` (InputStream)
            InputStream in = open(path);
            return in.read();
          }
          int closed(String path) throws IOException {
            try (InputStream in = open(path)) {
              return in.read();
            }
          }
          @Owning
          static Reader openText(String path) throws IOException {
            return new FileReader(path); // an @Owning method, too, may return it
          }
          int firstChar(String path) throws IOException {
            // BUG: Diagnostic contains: `r` (Reader)
            Reader r = openText(path);
            return r.read();
          }
          int closedChar(String path) throws IOException {
            try (Reader r = openText(path)) {
              return r.read();
            }
          }
        }
        """);
  }

  @Test
  void owningParameters() {
    assertFindingsAndSuppression(
        """
        import java.io.*;
        import org.checkerframework.checker.mustcall.qual.Owning;
        class T {
          static void consume(@Owning InputStream in) throws IOException {
            try (in) {
              in.read();
            }
          }
          // BUG: Diagnostic contains: the InputStream in `in` is not closed
          static void forget(@Owning InputStream in) throws IOException {
            in.read();
          }
          void caller(String path) throws IOException {
            consume(new FileInputStream(path)); // handed over
          }
        }
        """);
  }

  @Test
  void notOwningResultsAndFields() {
    assertFindingsAndSuppression(
        """
        import java.io.*;
        import org.checkerframework.checker.mustcall.qual.NotOwning;
        class T {
          @NotOwning private InputStream current;
          @NotOwning
          InputStream openView(String path) throws IOException {
            return current;
          }
          int read(String path) throws IOException {
            InputStream view = openView(path); // not the caller's to close
            return view.read();
          }
          void remember(String path) throws IOException {
            // BUG: Diagnostic contains: [ResourceLeak]
            InputStream in = new FileInputStream(path);
            current = in; // a @NotOwning field does not take it over
          }
        }
        """);
  }

  @Test
  void mustCallAliasWrappers() {
    assertFindingsAndSuppression(
        """
        import java.io.*;
        import org.checkerframework.checker.mustcall.qual.MustCallAlias;
        class T {
          static @MustCallAlias InputStream buffered(@MustCallAlias InputStream in) {
            return new BufferedInputStream(in);
          }
          int closedThroughTheAlias(String path) throws IOException {
            InputStream in = buffered(new FileInputStream(path));
            try {
              return in.read();
            } finally {
              in.close();
            }
          }
          int neverClosed(String path) throws IOException {
            // BUG: Diagnostic contains: [ResourceLeak]
            InputStream in = buffered(new FileInputStream(path));
            return in.read();
          }
        }
        """);
  }

  @Test
  void mustCallOnTypesAndClasses() {
    assertFindingsAndSuppression(
        """
        import java.io.*;
        import java.net.Socket;
        import org.checkerframework.checker.mustcall.qual.InheritableMustCall;
        import org.checkerframework.checker.mustcall.qual.MustCall;
        class T {
          @InheritableMustCall("stop")
          static class Worker {
            void run() {}
            void stop() {}
          }
          static class SubWorker extends Worker {}
          @MustCall({})
          static class InMemory implements Closeable {
            @Override
            public void close() {}
          }
          void leaks() {
            // BUG: Diagnostic contains: `w` (Worker)
            Worker w = new Worker();
            w.run();
          }
          void leaksSubclass() {
            // BUG: Diagnostic contains: `w` (SubWorker)
            SubWorker w = new SubWorker();
            w.run();
          }
          void stopped() {
            Worker w = new Worker();
            w.run();
            w.stop();
          }
          void notResources() throws IOException {
            InMemory m = new InMemory();
            @MustCall({}) Socket unconnected = new Socket();
          }
        }
        """);
  }

  @Test
  void ensuresCalledMethodsOnParameters() {
    assertFindingsAndSuppression(
        """
        import java.io.*;
        import org.checkerframework.checker.calledmethods.qual.EnsuresCalledMethods;
        class Util {
          @EnsuresCalledMethods(value = "#1", methods = "close")
          static void shut(Closeable c) {
            try {
              c.close();
            } catch (IOException ignored) {
              // nothing to do
            }
          }
          @EnsuresCalledMethods(value = "#1", methods = "flush")
          static void flushOnly(Flushable f) throws IOException {
            f.flush();
          }
        }
        class T {
          void flushedNotClosed(String path) throws IOException {
            // BUG: Diagnostic contains: `w` (FileWriter)
            Writer w = new FileWriter(path);
            Util.flushOnly(w);
          }
          void write(String path) throws IOException {
            Writer w = new FileWriter(path);
            try {
              w.write("x");
            } finally {
              Util.shut(w);
            }
          }
        }
        """);
  }

  /**
   * Compiles {@code source} against its markers, then again with the markers removed and the checks
   * suppressed on every top-level class: an annotation's findings are suppressed like any other.
   */
  private static void assertFindingsAndSuppression(String source) {
    CompilationTestHelper.newInstance(Checks.LEAKS, AnnotationsTest.class)
        .addSourceLines("T.java", source)
        .doTest();
    String suppressed =
        Arrays.stream(source.split("\n"))
            .filter(l -> !l.contains("// BUG:"))
            .map(l -> l.startsWith("class ") ? SUPPRESS + l : l)
            .collect(Collectors.joining("\n"));
    CompilationTestHelper.newInstance(Checks.LEAKS, AnnotationsTest.class)
        .addSourceLines("T.java", suppressed)
        .expectNoDiagnostics()
        .doTest();
  }

  private static final String SUPPRESS =
      "@SuppressWarnings({\"ResourceLeak\", \"ResourceLeakOnException\", \"UnclosedResourceField\"}) ";
}
