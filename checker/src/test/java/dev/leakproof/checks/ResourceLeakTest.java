package dev.leakproof.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class ResourceLeakTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.LEAKS, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass());

  // ---- positives ----------------------------------------------------------------------------

  @Test
  void positiveNeverClosed() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int first(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] `in` (FileInputStream) is not closed when the method returns at line 6
                FileInputStream in = new FileInputStream(f);
                return in.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveClosedOnOneBranchOnly() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void copy(File f, boolean verbose) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] `out` (FileOutputStream) is not closed when the method ends at line 10
                FileOutputStream out = new FileOutputStream(f);
                out.write(1);
                if (verbose) {
                  out.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveEarlyReturn() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              String header(File f) throws IOException {
                // BUG: Diagnostic contains: not closed when the method returns at line 7
                BufferedReader r = new BufferedReader(new FileReader(f));
                String line = r.readLine();
                if (line == null) return "";
                try {
                  return line.trim();
                } finally {
                  r.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveContinueInLoop() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.List;
            class T {
              long total(List<File> files) throws IOException {
                long sum = 0;
                for (File f : files) {
                  // BUG: Diagnostic contains: is still open when line 8 runs again
                  RandomAccessFile raf = new RandomAccessFile(f, "r");
                  if (raf.length() == 0) continue;
                  sum += raf.length();
                  raf.close();
                }
                return sum;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveOverwrittenInALoopThatNeverExits() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.*;
            class T {
              void serve(ServerSocket server) throws IOException {
                while (true) {
                  // BUG: Diagnostic contains: `client` (Socket) is still open when line 7 runs again
                  Socket client = server.accept();
                  client.getOutputStream().write(1);
                }
              }
              void serveCorrectly(ServerSocket server) throws IOException {
                while (true) {
                  try (Socket client = server.accept()) {
                    client.getOutputStream().write(1);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void sameFileWrapperThatStoresItsArgument() {
    helper
        .addSourceLines(
            "T.java",
            """
            class T {
              static class Res implements AutoCloseable {
                @Override
                public void close() {}
              }
              static class Wrapper implements AutoCloseable {
                private final Res res;
                Wrapper(Res res) {
                  this.res = res;
                }
                @Override
                public void close() {
                  res.close();
                }
              }
              void dropped() {
                // BUG: Diagnostic contains: [ResourceLeak]
                new Wrapper(new Res());
              }
              void closed() {
                try (Wrapper w = new Wrapper(new Res())) {
                  w.hashCode();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void closerNameEndingsInAnotherFile() {
    helper
        .addSourceLines(
            "util/Streams.java",
            """
            package util;
            import java.io.*;
            public final class Streams {
              public static byte[] readBytesAndClose(InputStream in, int length) throws IOException {
                try {
                  return in.readNBytes(length);
                } finally {
                  in.close();
                }
              }
              public static void copyAndClose(InputStream in, OutputStream out) throws IOException {
                try (in; out) {
                  in.transferTo(out);
                }
              }
              public static void copyAndCloseInput(InputStream in, OutputStream out)
                  throws IOException {
                try (in) {
                  in.transferTo(out);
                }
              }
            }
            """)
        .addSourceLines(
            "util/Archive.java",
            """
            package util;
            public class Archive implements java.io.Closeable {
              public void addAndClose(java.io.InputStream entry) {}
              @Override public void close() {}
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import util.*;
            class T {
              byte[] read(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                return Streams.readBytesAndClose(in, 0);
              }
              void copy(File from, File to) throws IOException {
                InputStream in = new FileInputStream(from);
                OutputStream out;
                try {
                  out = new FileOutputStream(to);
                } catch (IOException e) {
                  in.close();
                  throw e;
                }
                Streams.copyAndClose(in, out);
              }
              void copyInputOnly(File from, File to) throws IOException {
                try (InputStream in = new FileInputStream(from)) {
                  // BUG: Diagnostic contains: [ResourceLeak] `out`
                  OutputStream out = new FileOutputStream(to);
                  Streams.copyAndCloseInput(in, out);
                }
              }
              void resourceClosesItself(Archive archive, File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] the FileInputStream
                archive.addAndClose(new FileInputStream(f));
              }
            }
            """)
        .doTest();
  }

  @Test
  void sameFileMethodReturnsAHolderOfItsArgument() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              static final class Font {
                private final Reader source;
                private Font(Reader source) {
                  this.source = source;
                }
              }
              static Font load(File f) throws IOException {
                return load(new FileReader(f));
              }
              static Font load(Reader source) {
                return new Font(new BufferedReader(source));
              }
              static void dropped(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak]
                load(new FileReader(f));
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveBreakInLoop() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.List;
            class T {
              void firstNonEmpty(List<File> files) throws IOException {
                for (File f : files) {
                  // BUG: Diagnostic contains: [ResourceLeak]
                  InputStream in = new FileInputStream(f);
                  if (in.read() >= 0) break;
                  in.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveReassignmentLosesOldResource() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void rotate(File a, File b) throws IOException {
                // BUG: Diagnostic contains: `log` (FileWriter) is still open when `log` is overwritten at line 6
                Writer log = new FileWriter(a);
                log = new FileWriter(b);
                log.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positivePassedToMethodThatDoesNotClose() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.Properties;
            class T {
              Properties load(File f) throws IOException {
                Properties p = new Properties();
                // BUG: Diagnostic contains: is passed to `p.load()` at line 7, which does not close it
                p.load(new FileInputStream(f));
                return p;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveFactoryResultsAreOwned() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.sql.*;
            class T {
              long count(Path p) throws IOException {
                // BUG: Diagnostic contains: the Stream opened here is never closed after `Files.lines(p).count()`
                return Files.lines(p).count();
              }
              void insert(Connection c) throws SQLException {
                // BUG: Diagnostic contains: `ps` (PreparedStatement)
                PreparedStatement ps = c.prepareStatement("insert into t values (1)");
                ps.executeUpdate();
              }
              String first(Path dir) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak]
                DirectoryStream<Path> ds = Files.newDirectoryStream(dir);
                return ds.iterator().next().toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveSameClassFactory() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              private Reader open(File f) throws IOException {
                return new BufferedReader(new FileReader(f));
              }
              int peek(File f) throws IOException {
                // BUG: Diagnostic contains: `r` (Reader)
                Reader r = open(f);
                return r.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveInLambdaBody() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.List;
            class T {
              void touch(List<File> files) {
                files.forEach(
                    f -> {
                      try {
                        // BUG: Diagnostic contains: not closed when the lambda ends
                        FileOutputStream out = new FileOutputStream(f, true);
                        out.write(0);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveInInitializerBlock() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              static final int FIRST;
              static {
                try {
                  // BUG: Diagnostic contains: [ResourceLeak]
                  InputStream in = new FileInputStream("/etc/hostname");
                  FIRST = in.read();
                } catch (IOException e) {
                  throw new ExceptionInInitializerError(e);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveSocketNeverClosed() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.*;
            class T {
              void ping(String host) throws IOException {
                // BUG: Diagnostic contains: `s` (Socket)
                Socket s = new Socket(host, 7);
                s.getOutputStream().write(1);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveTernaryBranchResource() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int read(File f, boolean buffered) throws IOException {
                InputStream in =
                    buffered
                        // BUG: Diagnostic contains: [ResourceLeak]
                        ? new BufferedInputStream(new FileInputStream(f))
                        // BUG: Diagnostic contains: [ResourceLeak]
                        : new FileInputStream(f);
                return in.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void reportsOnlyResourceLeakWhenBothKindsApply() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void write(File f, byte[] data, boolean keep) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak]
                OutputStream out = new FileOutputStream(f);
                out.write(data);
                if (!keep) out.close();
              }
            }
            """)
        .doTest();
  }

  // ---- negatives ----------------------------------------------------------------------------

  @Test
  void negativeTryWithResourcesAndFinally() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int twr(File f) throws IOException {
                try (InputStream in = new FileInputStream(f); Reader r = new InputStreamReader(in)) {
                  return r.read();
                }
              }
              int java9(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try (in) {
                  return in.read();
                }
              }
              int finallyClose(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  return in.read();
                } finally {
                  in.close();
                }
              }
              int nullInitialised(File f) throws IOException {
                InputStream in = null;
                try {
                  in = new FileInputStream(f);
                  return in.read();
                } finally {
                  if (in != null) {
                    try {
                      in.close();
                    } catch (IOException ignored) {
                      // nothing to do
                    }
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeOwnershipTransferred() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.*;
            class T {
              // BUG: Diagnostic contains: [UnclosedResourceField]
              private InputStream kept;
              private final List<Closeable> all = new ArrayList<>();
              InputStream returned(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                return new BufferedInputStream(in);
              }
              void field(File f) throws IOException {
                kept = new FileInputStream(f);
              }
              void array(File f, Closeable[] slots) throws IOException {
                slots[0] = new FileInputStream(f);
              }
              void collection(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                all.add(in);
              }
              Runnable closer(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                return () -> {
                  try {
                    in.close();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeWrappersAndAliases() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.*;
            import java.util.Scanner;
            class T {
              String line(File f) throws IOException {
                BufferedReader r = new BufferedReader(new FileReader(f));
                try {
                  return r.readLine();
                } finally {
                  r.close();
                }
              }
              void send(String host) throws IOException {
                Socket s = null;
                OutputStream out = null;
                try {
                  s = new Socket(host, 7);
                  out = s.getOutputStream();
                  out.write(1);
                } finally {
                  if (out != null) {
                    out.close(); // closes the socket too
                  } else if (s != null) {
                    s.close();
                  }
                }
              }
              String fields(File f) throws IOException {
                try (Scanner sc = new Scanner(f).useDelimiter(",")) {
                  return sc.next();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeNotResources() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.*;
            import java.util.stream.*;
            class T {
              String console() throws IOException {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
                return in.readLine();
              }
              byte[] bytes(int x) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(x);
                return bytes.toByteArray();
              }
              String words(String text) {
                Scanner s = new Scanner(text);
                StringWriter w = new StringWriter();
                new PrintWriter(w).print(s.next());
                return w.toString();
              }
              long evens(List<Integer> xs) {
                Stream<Integer> s = xs.stream();
                return s.filter(x -> x % 2 == 0).count();
              }
              int wrapped(InputStream param) throws IOException {
                DataInputStream d = new DataInputStream(new BufferedInputStream(param));
                return d.readInt();
              }
              String formatted(double d) {
                Formatter f = new Formatter(new StringBuilder());
                return f.format("%.2f", d).toString();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeSameClassHelpers() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              private static void closeQuietly(Closeable c) {
                if (c == null) return;
                try {
                  c.close();
                } catch (IOException ignored) {
                  // best effort
                }
              }
              private void finish(Writer w) throws IOException {
                try {
                  w.flush();
                } finally {
                  w.close();
                }
              }
              void a(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  in.read();
                } finally {
                  closeQuietly(in);
                }
              }
              void b(File f) throws IOException {
                Writer w = new FileWriter(f);
                try {
                  w.write("x");
                } finally {
                  finish(w);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeJdbcChildrenOfClosedConnection() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.sql.*;
            import javax.sql.DataSource;
            class T {
              int count(DataSource ds) throws SQLException {
                try (Connection c = ds.getConnection()) {
                  Statement st = c.createStatement();
                  ResultSet rs = st.executeQuery("select count(*) from t");
                  rs.next();
                  return rs.getInt(1);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeSuperConstructorAndAnonymousClass() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T extends FilterInputStream {
              T(File f) throws IOException {
                super(new FileInputStream(f));
              }
              static Closeable noop() {
                return new Closeable() {
                  @Override
                  public void close() {}
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeUncheckedExceptionsAreNotFollowed() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.List;
            class T {
              void write(File f, List<String> lines) throws IOException {
                Writer w = new FileWriter(f);
                String first = lines.get(0).toUpperCase(); // only unchecked exceptions here
                try {
                  w.write(first);
                } finally {
                  w.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeCallThatWrapsAnOwnedResource() {
    helper
        .addSourceLines(
            "Lines.java",
            """
            import java.io.*;
            import java.util.Iterator;
            /** Stands for a library class in another file, such as commons-io's IOUtils. */
            final class Lines {
              static Closeable iterate(InputStream in, String charset) {
                return in;
              }
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            class T {
              Closeable lines(Path p) throws IOException {
                InputStream in = Files.newInputStream(p);
                return Lines.iterate(in, "UTF-8");
              }
            }
            """)
        .doTest();
  }

  @Test
  void holdersOfOwnedResources() {
    helper
        .addSourceLines(
            "Holder.java",
            """
            /** Stands for a library class in another file that keeps what it is given. */
            final class Holder<T> {
              final T value;
              Holder(T value) {
                this.value = value;
              }
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.Socket;
            class T {
              Holder<Socket> connect(String host) throws IOException {
                Socket s = new Socket(host, 80);
                return new Holder<>(s);
              }
              int dropped(String host) throws IOException {
                // BUG: Diagnostic contains: `s` (Socket)
                Socket s = new Socket(host, 80);
                Holder<Socket> h = new Holder<>(s);
                return h.hashCode();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fileDescriptorsAreTheFileItself() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int viaDescriptor(File f) throws IOException {
                // BUG: Diagnostic contains: if `raf.getFD()` throws IOException
                RandomAccessFile raf = new RandomAccessFile(f, "r");
                try (FileInputStream in = new FileInputStream(raf.getFD())) {
                  return in.read();
                }
              }
              int standardInput() throws IOException {
                FileInputStream in = new FileInputStream(FileDescriptor.in);
                return in.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void sameFileDecoratorPassesItsArgumentToSuper() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              static final class Counting extends FilterInputStream {
                long count;
                Counting(InputStream in) {
                  super(in);
                }
              }
              long closed(File f) throws IOException {
                try (Counting in = new Counting(new FileInputStream(f))) {
                  in.read();
                  return in.count;
                }
              }
              long neverClosed(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak]
                Counting in = new Counting(new FileInputStream(f));
                return in.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeStreamsThatHoldNothing() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              /** Inherits InputStream's close(), which does nothing. */
              static final class Zeros extends InputStream {
                @Override
                public int read() {
                  return 0;
                }
              }
              int zero() throws IOException {
                InputStream zeros = new Zeros();
                return zeros.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveUserResourceWithEmptyCloseIsStillAResource() {
    helper
        .addSourceLines(
            "T.java",
            """
            class T {
              static final class Lease implements AutoCloseable {
                @Override
                public void close() {}
              }
              void take() {
                // BUG: Diagnostic contains: `lease` (Lease)
                Lease lease = new Lease();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeEmptyCloseOverInheritedNoOp() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              /** Its empty close() replaces OutputStream's, which does nothing either. */
              static class Discard extends OutputStream {
                @Override
                public void write(int b) {}

                @Override
                public void close() {}
              }
              /** Inherits the empty close() above. */
              static final class Tally extends Discard {}
              void write() throws IOException {
                OutputStream out = new Discard();
                out.write(1);
                OutputStream tally = new Tally();
                tally.write(1);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveEmptyCloseOverARealOne() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              /** Its empty close() hides FileOutputStream's: the file stays open. */
              static final class KeptOpen extends FileOutputStream {
                KeptOpen(File f) throws IOException {
                  super(f);
                }

                @Override
                public void close() {}
              }
              void write(File f) throws IOException {
                // BUG: Diagnostic contains: `out` (KeptOpen)
                OutputStream out = new KeptOpen(f);
                out.write(1);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveTasksAndParsersTakeOnlyWhatReachesThem() {
    // An executor takes the task it is given, and what the task holds; a lambda holds nothing, so
    // the socket it captures and never closes still leaks. A parser closes the stream it reads,
    // but not one that never reaches it. (testdata/ResourceLeak/NegativeTasksAndParsers.java has
    // the hand-overs.)
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.*;
            import java.util.concurrent.*;
            import javax.xml.parsers.DocumentBuilder;
            import org.w3c.dom.Document;
            import org.xml.sax.SAXException;
            class T {
              static final class Task implements Runnable {
                private final Socket socket;
                Task(Socket socket) {
                  this.socket = socket;
                }
                @Override
                public void run() {}
              }

              void greet(ServerSocket server, Executor workers) throws IOException {
                // BUG: Diagnostic contains: `socket` (Socket) is not closed
                Socket socket = server.accept();
                workers.execute(
                    () -> {
                      try {
                        socket.getOutputStream().write('\\n');
                      } catch (IOException e) {
                        // the client went away
                      }
                    });
              }

              void later(ServerSocket server, ScheduledExecutorService timer) throws IOException {
                // BUG: Diagnostic contains: `socket` (Socket) is not closed
                Socket socket = server.accept();
                timer.schedule(new Task(socket), 1, TimeUnit.SECONDS);
              }

              Document parseIfSmall(DocumentBuilder builder, File file)
                  throws IOException, SAXException {
                // BUG: Diagnostic contains: `in` (FileInputStream) is not closed
                InputStream in = new FileInputStream(file);
                if (file.length() > 1_000_000) {
                  return null;
                }
                return builder.parse(in);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeArrayAccessBetweenAcquireAndClose() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.Formatter;
            class T {
              void dump(File f, int[] values) throws IOException {
                Formatter out = new Formatter(f);
                for (int i = 0; i < values.length; i++) {
                  out.format("%d%n", values[i]);
                }
                out.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeIdentityTestAgainstAField() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              long size(String name) throws IOException {
                InputStream in = "-".equals(name) ? System.in : new FileInputStream(name);
                try {
                  return in.transferTo(OutputStream.nullOutputStream());
                } finally {
                  if (in != System.in) {
                    in.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveResourceTypesThatAreNotAutoCloseable() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.IOException;
            import java.util.logging.*;
            class T {
              private static final Logger LOG = Logger.getLogger("t");
              void once(String file, String message) throws IOException {
                // BUG: Diagnostic contains: `handler` (FileHandler)
                FileHandler handler = new FileHandler(file);
                handler.publish(new LogRecord(Level.INFO, message));
              }
              void closed(String file, String message) throws IOException {
                FileHandler handler = new FileHandler(file);
                try {
                  handler.publish(new LogRecord(Level.INFO, message));
                } finally {
                  handler.close();
                }
              }
              void registered(String file) throws IOException {
                LOG.addHandler(new FileHandler(file));
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveConstructorThatThrowsAfterStoringAResource() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.Socket;
            class T implements Closeable {
              private final Socket socket;
              private final InputStream in;
              T(String host) throws IOException {
                // BUG: Diagnostic contains: `socket` (Socket) is not closed if `socket.setSoTimeout()` throws SocketException
                socket = new Socket(host, 25);
                socket.setSoTimeout(1000);
                in = socket.getInputStream();
              }
              T(String host, int port) throws IOException {
                this.socket = new Socket(host, port);
                try {
                  this.in = socket.getInputStream();
                } catch (IOException e) {
                  close();
                  throw e;
                }
              }
              T(Socket accepted) throws IOException {
                this.socket = accepted;
                this.in = accepted.getInputStream();
              }
              static T adopt(String host) throws IOException {
                // BUG: Diagnostic contains: `s` (Socket) is not closed if `new T(...)` throws IOException
                Socket s = new Socket(host, 25);
                return new T(s);
              }
              @Override
              public void close() throws IOException {
                socket.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveOneFindingPerResource() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              void run(String url, String sql) throws SQLException {
                // BUG: Diagnostic contains: the Connection opened here
                DriverManager.getConnection(url).createStatement().execute(sql);
              }
              int count(String url) throws SQLException {
                // BUG: Diagnostic contains: `c` (Connection)
                Connection c = DriverManager.getConnection(url);
                // BUG: Diagnostic contains: `st` (Statement)
                Statement st = c.createStatement();
                // BUG: Diagnostic contains: `rs` (ResultSet)
                ResultSet rs = st.executeQuery("select count(*) from t");
                return rs.next() ? rs.getInt(1) : 0;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveMetadataResultSetOfBorrowedConnection() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              boolean hasTable(Connection c, String name) throws SQLException {
                // BUG: Diagnostic contains: `tables` (ResultSet)
                ResultSet tables = c.getMetaData().getTables(null, null, name, null);
                return tables.next();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeNullCheckedParentReleasesItsChildren() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.math.BigDecimal;
            import java.sql.*;
            class T {
              BigDecimal total(String url) throws SQLException {
                Connection c = null;
                try {
                  c = DriverManager.getConnection(url);
                  Statement st = c.createStatement();
                  ResultSet rs = st.executeQuery("select sum(total) from orders");
                  return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
                } finally {
                  if (c != null) {
                    c.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveOneFindingPerLineForAConditionalOfResources() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int pick(boolean local, File f, String url) throws IOException {
                // BUG: Diagnostic contains: in `in` is not closed
                InputStream in = local ? new FileInputStream(f) : new java.net.URL(url).openStream();
                return in.read();
              }
              int byKind(int kind, File f) throws IOException {
                Reader r =
                    switch (kind) {
                      // BUG: Diagnostic contains: the FileReader in `r`
                      case 0 -> new FileReader(f);
                      // BUG: Diagnostic contains: the FileInputStream in `r`
                      case 1 -> new InputStreamReader(new FileInputStream(f));
                      default -> {
                        // BUG: Diagnostic contains: `inner` (FileReader)
                        Reader inner = new FileReader(f);
                        yield new BufferedReader(inner);
                      }
                    };
                return r.read();
              }
              int oneBranch(boolean empty, File f) throws IOException {
                // BUG: Diagnostic contains: in `in` is not closed
                InputStream in = empty ? InputStream.nullInputStream() : new FileInputStream(f);
                return in.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeClosedOrOpenTestsBeforeClosing() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.net.Socket;
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            class T {
              void send(String host, byte[] data) throws IOException {
                Socket s = new Socket(host, 25);
                try {
                  s.getOutputStream().write(data);
                } finally {
                  if (!s.isClosed()) {
                    s.close();
                  }
                }
              }
              long size(Path p) throws IOException {
                FileChannel ch = FileChannel.open(p);
                try {
                  return ch.size();
                } finally {
                  if (ch.isOpen()) {
                    ch.close();
                  }
                }
              }
              int rows(java.sql.Connection c) throws java.sql.SQLException {
                java.sql.Statement st = c.createStatement();
                try {
                  return st.getMaxRows();
                } finally {
                  if (st != null && !st.isClosed()) { // isClosed() throwing leaks nothing
                    st.close();
                  }
                }
              }
              void sendUnlessClosed(String host, byte[] data) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] `s` (Socket)
                Socket s = new Socket(host, 25);
                if (s.isClosed()) {
                  s.close(); // backwards: the open socket is never closed
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveConstructorChainingKeepsTheArgumentWhenTheDelegateThrows() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.channels.SeekableByteChannel;
            import java.nio.file.*;
            class T implements Closeable {
              private final SeekableByteChannel channel;
              T(Path p) throws IOException {
                // BUG: Diagnostic contains: is not closed if `this()` throws IOException
                this(Files.newByteChannel(p));
              }
              T(SeekableByteChannel channel) throws IOException {
                this.channel = channel;
                if (channel.size() == 0) {
                  throw new IOException("empty");
                }
              }
              @Override
              public void close() throws IOException {
                channel.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeConstructorChainingWhereTheDelegateClosesOnFailure() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.channels.SeekableByteChannel;
            import java.nio.file.*;
            class T implements Closeable {
              private final SeekableByteChannel channel;
              T(Path p) throws IOException {
                this(Files.newByteChannel(p));
              }
              T(SeekableByteChannel channel) throws IOException {
                this.channel = channel;
                try {
                  if (channel.size() == 0) {
                    throw new IOException("empty");
                  }
                } catch (IOException e) {
                  channel.close();
                  throw e;
                }
              }
              @Override
              public void close() throws IOException {
                channel.close();
              }
            }
            """)
        .doTest();
  }

  // ---- fixes --------------------------------------------------------------------------------

  @Test
  void fixWrapsThroughLastUseAndDropsClose() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int size(File f, boolean twice) throws IOException {
                FileInputStream in = new FileInputStream(f);
                int n = in.available();
                if (twice) {
                  n += in.available();
                }
                return n;
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int size(File f, boolean twice) throws IOException {
                try (FileInputStream in = new FileInputStream(f)) {
                  int n = in.available();
                  if (twice) {
                    n += in.available();
                  }
                  return n;
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixLeavesCodeAfterLastUseOutside() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void save(File f, String text) throws IOException {
                Writer w = new FileWriter(f);
                w.write(text);
                System.out.println("saved " + f);
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void save(File f, String text) throws IOException {
                try (Writer w = new FileWriter(f)) {
                  w.write(text);
                }
                System.out.println("saved " + f);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenReturnedOnSomePath() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              InputStream maybe(File f, boolean keep) throws IOException {
                InputStream in = new FileInputStream(f);
                if (keep) {
                  return in;
                }
                in.read();
                return null;
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixWhenReassigned() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void rotate(File a, File b) throws IOException {
                Writer log = new FileWriter(a);
                log = new FileWriter(b);
                log.close();
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixWhenCapturedByLambda() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.util.concurrent.*;
            class T {
              Future<Integer> later(File f, ExecutorService pool) throws IOException {
                InputStream in = new FileInputStream(f);
                return pool.submit(() -> in.read());
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void fixWhenCloseExceptionIsCaughtOrDeclared() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int first(File f) {
                try {
                  FileInputStream in = new FileInputStream(f);
                  return in.read();
                } catch (FileNotFoundException e) {
                  return -1;
                } catch (IOException e) {
                  return -2;
                }
              }
              void declared(java.sql.Connection c) throws java.sql.SQLException {
                java.sql.Statement st = c.createStatement();
                st.execute("vacuum");
              }
              void undeclared(java.sql.Connection c) {
                try {
                  java.sql.Statement st = c.createStatement();
                  st.execute("vacuum");
                } catch (RuntimeException | java.sql.SQLTimeoutException e) {
                  throw new IllegalStateException(e);
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int first(File f) {
                try {
                  try (FileInputStream in = new FileInputStream(f)) {
                    return in.read();
                  }
                } catch (FileNotFoundException e) {
                  return -1;
                } catch (IOException e) {
                  return -2;
                }
              }
              void declared(java.sql.Connection c) throws java.sql.SQLException {
                try (java.sql.Statement st = c.createStatement()) {
                  st.execute("vacuum");
                }
              }
              void undeclared(java.sql.Connection c) {
                try {
                  try (java.sql.Statement st = c.createStatement()) {
                    st.execute("vacuum");
                  }
                } catch (RuntimeException | java.sql.SQLTimeoutException e) {
                  throw new IllegalStateException(e);
                } catch (java.sql.SQLException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenCloseExceptionIsUnhandled() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.util.function.Supplier;
            class T {
              static class Session implements AutoCloseable {
                int size() {
                  return 1;
                }

                @Override
                public void close() throws Exception {}
              }

              int direct() {
                Session s = new Session();
                return s.size();
              }

              Supplier<Integer> inLambda() {
                return () -> {
                  Session s = new Session();
                  return s.size();
                };
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void fixReleasesATypeThatIsNotAutoCloseableInAFinallyBlock() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.IOException;
            import java.util.logging.*;
            class T {
              void log(String pattern, String message) throws IOException {
                FileHandler handler = new FileHandler(pattern, true); // the log file
                handler.setFormatter(new SimpleFormatter());
                handler.publish(new LogRecord(Level.INFO, message));
                handler.flush();
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.IOException;
            import java.util.logging.*;
            class T {
              void log(String pattern, String message) throws IOException {
                FileHandler handler = new FileHandler(pattern, true); // the log file
                try {
                  handler.setFormatter(new SimpleFormatter());
                  handler.publish(new LogRecord(Level.INFO, message));
                  handler.flush();
                } finally {
                  handler.close();
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForATypeThatIsNotAutoCloseableWithTwoWaysToRelease() {
    helper
        .addSourceLines(
            "MustCall.java",
            """
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.CLASS)
            @Target(ElementType.TYPE)
            @interface MustCall {
              String[] value();
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            class T {
              @MustCall({"commit", "rollback"})
              static class Staging {
                void add(String s) {}
                void commit() {}
                void rollback() {}
              }
              void publish(List<String> files) {
                // BUG: Diagnostic contains: (no automatic fix: its type is not AutoCloseable, and it has no single release method
                Staging stage = new Staging();
                if (files.isEmpty()) {
                  return;
                }
                files.forEach(stage::add);
                stage.commit();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeBooleanFlagsDecideTheRelease() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              InputStream validated(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                boolean ok = false;
                try {
                  if (in.read() != 0x7f) {
                    throw new IOException("bad magic");
                  }
                  ok = true;
                  return in;
                } finally {
                  if (!ok) {
                    in.close();
                  }
                }
              }
              // Normal paths close it (no ResourceLeak); read() throwing is another matter.
              long drain(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeakOnException]
                InputStream in = new FileInputStream(f);
                byte[] buf = new byte[8192];
                long total = 0;
                boolean done = false;
                while (!done) {
                  int n = in.read(buf);
                  if (n < 0) {
                    in.close();
                    done = true;
                  } else {
                    total += n;
                  }
                }
                return total;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveBooleanFlagSetBeforeTheWorkIsDone() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              InputStream validated(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeakOnException]
                InputStream in = new FileInputStream(f);
                boolean ok = false;
                try {
                  ok = true;
                  if (in.read() != 0x7f) {
                    throw new IOException("bad magic");
                  }
                  return in;
                } finally {
                  if (!ok) {
                    in.close();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixInACallableLambdaWhoseCallDeclaresException() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.util.concurrent.*;
            class T {
              Future<String> first(ExecutorService ex, File f) {
                return ex.submit(
                    () -> {
                      BufferedReader r = new BufferedReader(new FileReader(f));
                      return r.readLine();
                    });
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            import java.util.concurrent.*;
            class T {
              Future<String> first(ExecutorService ex, File f) {
                return ex.submit(
                    () -> {
                      try (BufferedReader r = new BufferedReader(new FileReader(f))) {
                        return r.readLine();
                      }
                    });
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixIndentsTheContinuationOfAResourceInAHeaderOfSeveral() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              int count(Connection connection, String table) throws SQLException {
                PreparedStatement statement =
                    connection.prepareStatement("select count(*) from " + table);
                ResultSet rs = statement.executeQuery();
                rs.next();
                return rs.getInt(1);
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              int count(Connection connection, String table) throws SQLException {
                try (PreparedStatement statement =
                        connection.prepareStatement("select count(*) from " + table);
                    ResultSet rs = statement.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void negativeAGetterThatCachesItsResourceInAFieldHandsOutNothingFresh() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.sql.*;
            class T implements AutoCloseable {
              private final String url;
              private Connection conn;
              T(String url) {
                this.url = url;
              }
              private Connection shared() throws SQLException {
                if (conn == null || conn.isClosed()) {
                  conn = DriverManager.getConnection(url);
                }
                return conn;
              }
              void truncate(String table) throws SQLException {
                try (Statement st = shared().createStatement()) {
                  st.execute("truncate table " + table);
                }
              }
              @Override
              public void close() throws SQLException {
                if (conn != null) {
                  conn.close();
                }
              }
            }
            """)
        .doTest();
  }

  // ---- suppression --------------------------------------------------------------------------

  @Test
  void suppressedOnLocalMethodAndClass() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              int local(File f) throws IOException {
                @SuppressWarnings("ResourceLeak")
                InputStream in = new FileInputStream(f);
                return in.read();
              }
              int nullInitialisedLocal(File f) throws IOException {
                @SuppressWarnings("ResourceLeak")
                InputStream in = null;
                in = new FileInputStream(f);
                return in.read();
              }
              @SuppressWarnings("ResourceLeak")
              int method(File f) throws IOException {
                return new FileInputStream(f).read();
              }
              @SuppressWarnings("ResourceLeak")
              static class Nested {
                int inner(File f) throws IOException {
                  return new FileInputStream(f).read();
                }
              }
              int notSuppressed(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak]
                return new FileInputStream(f).read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressedByTheCommonResourceKey() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              @SuppressWarnings("resource") // javac, Eclipse and IntelliJ use this key
              int method(File f) throws IOException {
                return new FileInputStream(f).read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressingOneCheckKeepsTheOther() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              @SuppressWarnings("ResourceLeak")
              int first(File f) throws IOException {
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
