package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.leakproof.testing.Patcher;
import org.junit.jupiter.api.Test;

class ResourceLeakOnExceptionTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.LEAKS, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(ResourceLeakOnException.class, getClass());

  // ---- positives ----------------------------------------------------------------------------

  @Test
  void positiveCloseNotInFinally() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.Properties;
            class T {
              Properties load(File f) throws IOException {
                // BUG: Diagnostic contains: `in` (FileInputStream) is not closed if `props.load()` throws IOException (line 8)
                InputStream in = new FileInputStream(f);
                Properties props = new Properties();
                props.load(in);
                in.close();
                return props;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveTwoClosesInOneFinally() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void copy(File from, File to) throws IOException {
                InputStream in = null;
                OutputStream out = null;
                try {
                  in = new FileInputStream(from);
                  // BUG: Diagnostic contains: `out` (FileOutputStream) is not closed if `in.close()` throws IOException
                  out = new FileOutputStream(to);
                  in.transferTo(out);
                } finally {
                  if (in != null) in.close();
                  if (out != null) out.close();
                }
              }
              void rethrownAsUnchecked(File from, File to) {
                InputStream in = null;
                OutputStream out = null;
                try {
                  // BUG: Diagnostic contains: `in` (FileInputStream) is not closed if `new FileOutputStream(...)` throws
                  in = new FileInputStream(from);
                  // BUG: Diagnostic contains: `out` (FileOutputStream) is not closed if `in.transferTo()` throws IOException
                  out = new FileOutputStream(to);
                  in.transferTo(out);
                  in.close();
                  out.close();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveThrowingWrapperConstructor() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.zip.GZIPInputStream;
            class T {
              Object read(File f) throws IOException, ClassNotFoundException {
                // BUG: Diagnostic contains: the FileInputStream in `in` is not closed if `new ObjectInputStream(...)` throws IOException
                try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(f))) {
                  return in.readObject();
                }
              }
              int gz(File f) throws IOException {
                // BUG: Diagnostic contains: if `new GZIPInputStream(...)` throws IOException
                try (InputStream in = new GZIPInputStream(new FileInputStream(f))) {
                  return in.read();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveExplicitThrow() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void write(File f, String text) throws IOException {
                // BUG: Diagnostic contains: `w` (FileWriter) is not closed when line 7 throws IllegalArgumentException
                Writer w = new FileWriter(f);
                if (text.isEmpty()) {
                  throw new IllegalArgumentException("empty");
                }
                try {
                  w.write(text);
                } finally {
                  w.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveDocumentedUncheckedException() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int port(File f) throws IOException {
                // BUG: Diagnostic contains: if `Integer.parseInt()` throws NumberFormatException
                BufferedReader r = new BufferedReader(new FileReader(f));
                try {
                  String line = r.readLine();
                  int port = Integer.parseInt(line.trim());
                  r.close();
                  return port;
                } catch (IOException e) {
                  r.close();
                  throw e;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveSecondAcquisitionThrows() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void copy(File a, File b) throws IOException {
                // BUG: Diagnostic contains: `in` (FileInputStream) is not closed if `new FileOutputStream(...)` throws FileNotFoundException
                InputStream in = new FileInputStream(a);
                OutputStream out = new FileOutputStream(b);
                try {
                  in.transferTo(out);
                } finally {
                  try {
                    in.close();
                  } finally {
                    out.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveExceptionSwallowedThenReturns() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int first(File f) throws FileNotFoundException {
                // BUG: Diagnostic contains: [ResourceLeakOnException]
                InputStream in = new FileInputStream(f);
                try {
                  int b = in.read();
                  in.close();
                  return b;
                } catch (IOException e) {
                  return -1;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveUnguardedOrSecondCallOfAGuardedMethod() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.*;
            class T {
              void pairs(File f, Iterator<String> it) throws IOException {
                // BUG: Diagnostic contains: if `it.next()` throws NoSuchElementException (line 9)
                PrintWriter out = new PrintWriter(f);
                while (it.hasNext()) {
                  String key = it.next();
                  String value = it.next();
                  out.println(key + "=" + value);
                }
                out.close();
              }
              void owner(File f, Optional<String> owner) throws IOException {
                // BUG: Diagnostic contains: if `owner.get()` throws NoSuchElementException
                PrintWriter out = new PrintWriter(f);
                out.println(owner.get());
                out.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeGuardedOrCaughtDocumentedExceptions() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.*;
            class T {
              void all(File f, List<String> lines) throws IOException {
                PrintWriter out = new PrintWriter(f);
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                  out.println(it.next());
                }
                for (String line : lines) {
                  out.println(line);
                }
                out.close();
              }
              void first(File f, Iterator<String> it, Optional<String> o) throws IOException {
                PrintWriter out = new PrintWriter(f);
                if (!it.hasNext()) {
                  out.close();
                  return;
                }
                out.println(it.next());
                out.println(o.isPresent() ? o.get() : "-");
                out.close();
              }
              int quantities(File f, List<String> rows) throws IOException {
                PrintWriter out = new PrintWriter(f);
                int ok = 0;
                for (String row : rows) {
                  try {
                    out.println(Integer.parseInt(row.trim()));
                    ok++;
                  } catch (NumberFormatException e) {
                    out.println("skipped " + row);
                  }
                }
                out.close();
                return ok;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveCaughtDocumentedExceptionThenReturnsWithResourceOpen() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int port(File f, String text) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak]
                PrintWriter log = new PrintWriter(f);
                try {
                  int port = Integer.parseInt(text);
                  log.println(port);
                  log.close();
                  return port;
                } catch (NumberFormatException e) {
                  return -1;
                }
              }
            }
            """)
        .doTest();
  }

  private static final String SOCKET_CONNECT =
      """
      import java.io.*;
      import java.net.*;
      class T {
        Socket connect(InetSocketAddress a) throws IOException {
          // BUG: Diagnostic contains: `s` (Socket) is not closed if `s.connect()` throws IOException
          Socket s = new Socket();
          s.connect(a, 1_000);
          return s;
        }
        static class TracingSocket extends Socket {}
        Socket connectSubclass(InetSocketAddress a) throws IOException {
          // BUG: Diagnostic contains: `s` (TracingSocket) is not closed if `s.connect()` throws
          TracingSocket s = new TracingSocket();
          s.connect(a);
          return s;
        }
      }
      """;

  @Test
  void positiveSocketConnectBeforeJava24() {
    // Until Java 24, a socket stays open when connect() fails on an unresolved address.
    helper.addSourceLines("T.java", SOCKET_CONNECT).setArgs("--release", "21").doTest();
  }

  @Test
  void negativeSocketConnectClosesOnFailureFromJava24() {
    // From Java 24 on, Socket.connect closes the socket whenever it throws IOException; a subclass
    // may override connect(), so it stays reported.
    helper
        .addSourceLines(
            "T.java",
            SOCKET_CONNECT.replace(
                "    // BUG: Diagnostic contains: `s` (Socket) is not closed if `s.connect()` throws"
                    + " IOException\n",
                ""))
        .setArgs("--release", "24")
        .doTest();
  }

  // ---- negatives ----------------------------------------------------------------------------

  @Test
  void negativeReleasedInFinallyOrByTryWithResources() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void copy(File from, File to) throws IOException {
                try (InputStream in = new FileInputStream(from);
                    OutputStream out = new FileOutputStream(to)) {
                  in.transferTo(out);
                }
              }
              void nested(File from, File to) throws IOException {
                InputStream in = new FileInputStream(from);
                try {
                  OutputStream out = new FileOutputStream(to);
                  try {
                    in.transferTo(out);
                  } finally {
                    out.close();
                  }
                } finally {
                  in.close();
                }
              }
              void rethrow(File f) throws IOException {
                OutputStream out = new FileOutputStream(f);
                try {
                  out.write(1);
                } catch (IOException e) {
                  out.close();
                  throw e;
                }
                out.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeCloseThatThrowsStillCounts() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void write(File f) throws IOException {
                OutputStream out = new FileOutputStream(f);
                try {
                  out.write(1);
                } finally {
                  out.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeStandardCharsetNameCannotFail() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              String line(File f) throws IOException {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(new FileInputStream(f), "UTF-8"))) {
                  return r.readLine();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveUnknownCharsetNameCanFail() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              String line(File f, String charset) throws IOException {
                // BUG: Diagnostic contains: throws UnsupportedEncodingException
                try (Reader r = new InputStreamReader(new FileInputStream(f), charset)) {
                  return String.valueOf((char) r.read());
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeUncheckedCallsBetweenAcquireAndRelease() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.*;
            class T {
              void dump(File f, Map<String, Integer> counts) throws FileNotFoundException {
                PrintWriter out = new PrintWriter(f);
                List<String> keys = new ArrayList<>(counts.keySet());
                Collections.sort(keys);
                for (String k : keys) {
                  out.println(k + "=" + counts.get(k).intValue());
                }
                out.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeCloseQuietlyInFinally() {
    helper
        .addSourceLines(
            "Util.java",
            """
            import java.io.*;
            final class Util {
              static void closeQuietly(Closeable... cs) {
                for (Closeable c : cs) {
                  try {
                    if (c != null) c.close();
                  } catch (IOException ignored) {
                    // best effort
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void copy(File a, File b) throws IOException {
                InputStream in = null;
                OutputStream out = null;
                try {
                  in = new FileInputStream(a);
                  out = new FileOutputStream(b);
                  in.transferTo(out);
                } finally {
                  Util.closeQuietly(in, out);
                }
              }
            }
            """)
        .doTest();
  }

  // ---- fixes --------------------------------------------------------------------------------

  @Test
  void fixWrapsAndExtendsOverLaterUsesOfDeclarations() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.util.Properties;
            class T {
              String get(File f, String key) throws IOException {
                InputStream in = new FileInputStream(f);
                Properties props = new Properties();
                props.load(in);
                in.close();
                return props.getProperty(key);
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            import java.util.Properties;
            class T {
              String get(File f, String key) throws IOException {
                try (InputStream in = new FileInputStream(f)) {
                  Properties props = new Properties();
                  props.load(in);
                  return props.getProperty(key);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixKeepsCommentsAndTabsExactly() {
    String input =
        String.join(
            "\n",
            "import java.io.*;",
            "class T {",
            "\tint first(File f) throws IOException {",
            "\t\tInputStream in = new FileInputStream(f); // the data",
            "\t\t/* one byte */",
            "\t\tint b = in.read();",
            "",
            "\t\tin.close();",
            "\t\treturn b;",
            "\t}",
            "}",
            "");
    String expected =
        String.join(
            "\n",
            "import java.io.*;",
            "class T {",
            "\tint first(File f) throws IOException {",
            "\t\ttry (InputStream in = new FileInputStream(f)) { // the data",
            "\t\t\t/* one byte */",
            "\t\t\tint b = in.read();",
            "",
            "\t\t\treturn b;",
            "\t\t}",
            "\t}",
            "}",
            "");
    assertEquals(expected, Patcher.apply("ResourceLeakOnException", "T.java", input));
  }

  @Test
  void fixDeclaresTheInnerResourceOfAThrowingDecorator() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              Object read(File f) throws IOException, ClassNotFoundException {
                ObjectInputStream in = new ObjectInputStream(new FileInputStream(f));
                Object o = in.readObject();
                in.close();
                return o;
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              Object read(File f) throws IOException, ClassNotFoundException {
                try (FileInputStream fileInputStream = new FileInputStream(f); ObjectInputStream in = new ObjectInputStream(fileInputStream)) {
                  Object o = in.readObject();
                  return o;
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixRemovesACloseBeforeAnEarlyReturn() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int first(File f, boolean quick) throws IOException {
                InputStream in = new FileInputStream(f);
                int b = in.read();
                if (quick) {
                  in.close();
                  return b;
                }
                b += in.read();
                in.close();
                return b;
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int first(File f, boolean quick) throws IOException {
                try (InputStream in = new FileInputStream(f)) {
                  int b = in.read();
                  if (quick) {
                    return b;
                  }
                  b += in.read();
                  return b;
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheCloseMovesPastAFileOperation() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            class T {
              void write(Path p, boolean keep) throws IOException {
                OutputStream out = Files.newOutputStream(p);
                out.write(1);
                if (!keep) {
                  out.close();
                  Files.delete(p);
                  return;
                }
                out.write(2);
                out.close();
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  // ---- suppression --------------------------------------------------------------------------

  @Test
  void suppressedOnLocalAndMethod() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int local(File f) throws IOException {
                @SuppressWarnings("ResourceLeakOnException")
                InputStream in = new FileInputStream(f);
                int b = in.read();
                in.close();
                return b;
              }
              @SuppressWarnings("ResourceLeakOnException")
              int method(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                int b = in.read();
                in.close();
                return b;
              }
              @SuppressWarnings("ResourceLeak")
              int otherCheckSuppressed(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeakOnException]
                InputStream in = new FileInputStream(f);
                int b = in.read();
                in.close();
                return b;
              }
            }
            """)
        .doTest();
  }
}
