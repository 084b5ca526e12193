package dev.leakproof.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnclosedResourceFieldTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.LEAKS, getClass());

  @Test
  void positiveClassWithoutLifecycleMethod() {
    helper
        .addSourceLines(
            "AuditTrail.java",
            """
            import java.io.*;
            class AuditTrail {
              // BUG: Diagnostic contains: `out` holds the FileWriter opened at line 6, but AuditTrail has no close()
              private final Writer out;
              AuditTrail(File f) throws IOException {
                out = new FileWriter(f, true);
              }
              void record(String event) throws IOException {
                out.write(event);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveCloseForgetsAField() {
    helper
        .addSourceLines(
            "Copier.java",
            """
            import java.io.*;
            class Copier implements Closeable {
              private final InputStream in;
              // BUG: Diagnostic contains: `out` holds the FileOutputStream opened at line 9, which close() does not release
              private final OutputStream out;
              Copier(File from, File to) throws IOException {
                in = new FileInputStream(from);
                try {
                  out = new FileOutputStream(to);
                } catch (IOException e) {
                  in.close();
                  throw e;
                }
              }
              @Override
              public void close() throws IOException {
                in.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveOverwrittenWhileOpen() {
    helper
        .addSourceLines(
            "RollingLog.java",
            """
            import java.io.*;
            class RollingLog implements Closeable {
              private Writer current;
              RollingLog(File first) throws IOException {
                current = new FileWriter(first);
              }
              void roll(File next) throws IOException {
                // BUG: Diagnostic contains: `current` still holds the FileWriter opened at line 5 when line 9 overwrites it
                current = new FileWriter(next);
              }
              void rollCorrectly(File next) throws IOException {
                current.close();
                current = new FileWriter(next);
              }
              @Override
              public void close() throws IOException {
                current.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void overwriteInALoopIsOneFinding() {
    helper
        .addSourceLines(
            "Parts.java",
            """
            import java.io.*;
            import java.util.List;
            class Parts implements Closeable {
              private final List<File> files;
              private InputStream current;
              private int next = 1;
              Parts(List<File> files) throws IOException {
                this.files = files;
                current = new FileInputStream(files.get(0));
              }
              int read() throws IOException {
                int b = current.read();
                while (b < 0 && next < files.size()) {
                  // BUG: Diagnostic contains: [UnclosedResourceField]
                  current = new FileInputStream(files.get(next++));
                  b = current.read();
                }
                return b;
              }
              @Override
              public void close() throws IOException {
                current.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeFieldOnlyBorrowsALocalTheMethodClosesInFinally() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              private InputStream current;
              int read(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  current = in;
                  return current.read();
                } finally {
                  in.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveFieldKeepsWhatAConstructorClosesOnlyOnFailure() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              // BUG: Diagnostic contains: [UnclosedResourceField] `in` holds the InputStream opened at line 15
              private final InputStream in;
              T(File f) throws IOException {
                InputStream s = new FileInputStream(f);
                try {
                  if (s.read() != 0x7f) {
                    throw new IOException("bad magic");
                  }
                } catch (IOException e) {
                  s.close();
                  throw e;
                }
                this.in = s;
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeStatementFieldGoesWithItsConnectionField() {
    helper
        .addSourceLines(
            "OrderDao.java",
            """
            import java.sql.*;
            class OrderDao implements AutoCloseable {
              private final Connection conn;
              private final PreparedStatement insert;
              OrderDao(Connection c) throws SQLException {
                this.conn = c;
                this.insert = c.prepareStatement("insert into orders values (?)");
              }
              OrderDao(String url) throws SQLException {
                Connection c = DriverManager.getConnection(url);
                try {
                  this.conn = c;
                  this.insert = c.prepareStatement("insert into orders values (?)");
                } catch (SQLException e) {
                  c.close();
                  throw e;
                }
              }
              @Override
              public void close() throws SQLException {
                conn.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeReleasedByLifecycleMethods() {
    helper
        .addSourceLines(
            "Services.java",
            """
            import java.io.*;
            import java.net.*;
            import java.sql.*;
            class Services {
              static class Client implements AutoCloseable {
                private final Socket socket;
                private final InputStream in;
                Client(String host) throws IOException {
                  socket = new Socket(host, 80);
                  try {
                    in = socket.getInputStream();
                  } catch (IOException e) {
                    socket.close();
                    throw e;
                  }
                }
                @Override
                public void close() throws IOException {
                  closeQuietly();
                }
                private void closeQuietly() {
                  try {
                    if (socket != null) {
                      socket.close();
                    }
                  } catch (IOException ignored) {
                    // best effort
                  }
                }
              }
              static class Server {
                private ServerSocket listener;
                void start(int port) throws IOException {
                  listener = new ServerSocket(port);
                }
                void stopServer() throws IOException {
                  listener.close();
                }
              }
              static class Dao {
                private Connection connection;
                Connection connection(String url) throws SQLException {
                  if (connection == null) {
                    connection = DriverManager.getConnection(url);
                  }
                  return connection;
                }
                @jakarta.annotation.PreDestroy
                void dispose() throws SQLException {
                  if (connection != null) {
                    connection.close();
                  }
                }
              }
              static class Borrower {
                private final Socket socket;
                Borrower(Socket socket) {
                  this.socket = socket;
                }
              }
              static class Registry {
                private static final Writer LOG = open();
                private static Writer open() {
                  try {
                    return new FileWriter("registry.log");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
              }
            }
            """)
        .addSourceLines(
            "PreDestroy.java",
            """
            package jakarta.annotation;
            public @interface PreDestroy {}
            """)
        .doTest();
  }

  @Test
  void negativeEnsuresCalledMethodsOnAHelper() {
    helper
        .addSourceLines(
            "Journal.java",
            """
            import java.io.*;
            import org.checkerframework.checker.calledmethods.qual.EnsuresCalledMethods;
            class Journal implements Closeable {
              private final Writer out;
              Journal(File f) throws IOException {
                out = new FileWriter(f);
              }
              @Override
              public void close() {
                release();
              }
              @EnsuresCalledMethods(value = "this.out", methods = "close")
              private void release() {
                try {
                  out.close();
                } catch (IOException ignored) {
                  // logged elsewhere
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void noFixIsOffered() {
    BugCheckerRefactoringTestHelper.newInstance(UnclosedResourceField.class, getClass())
        .addInputLines(
            "AuditTrail.java",
            """
            import java.io.*;
            class AuditTrail {
              private final Writer out;
              AuditTrail(File f) throws IOException {
                out = new FileWriter(f, true);
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void suppressedOnFieldClassOrMethod() {
    helper
        .addSourceLines(
            "Suppressed.java",
            """
            import java.io.*;
            class Suppressed {
              static class OnField {
                @SuppressWarnings("UnclosedResourceField")
                private final Writer out;
                OnField(File f) throws IOException {
                  out = new FileWriter(f);
                }
              }
              @SuppressWarnings("UnclosedResourceField")
              static class OnClass {
                private final Writer out;
                OnClass(File f) throws IOException {
                  out = new FileWriter(f);
                }
              }
              static class OnMethod implements Closeable {
                private Writer out;
                OnMethod(File f) throws IOException {
                  out = new FileWriter(f);
                }
                @SuppressWarnings("UnclosedResourceField")
                void roll(File f) throws IOException {
                  out = new FileWriter(f);
                }
                @Override
                public void close() throws IOException {
                  out.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressedByTheResourceKeyOfOtherTools() {
    helper
        .addSourceLines(
            "SuppressedResource.java",
            """
            import java.io.*;
            class SuppressedResource {
              static class OnField {
                @SuppressWarnings("resource")
                private final Writer out;
                OnField(File f) throws IOException {
                  out = new FileWriter(f);
                }
              }
              @SuppressWarnings("resource")
              static class OnClass {
                private final Writer out;
                OnClass(File f) throws IOException {
                  out = new FileWriter(f);
                }
              }
              static class Other {
                // BUG: Diagnostic contains: UnclosedResourceField
                private final Writer out;
                @SuppressWarnings("resource")
                Other(File f) throws IOException {
                  out = new FileWriter(f);
                }
              }
            }
            """)
        .doTest();
  }
}
