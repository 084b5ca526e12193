package dev.leakproof.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PreferTryWithResourcesTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.ALL, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(PreferTryWithResources.class, getClass());

  // ---- positives ----------------------------------------------------------------------------

  @Test
  void positiveClosedInFinally() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              long copy(File from, File to) throws IOException {
                // BUG: Diagnostic contains: [PreferTryWithResources] `in` (InputStream) is closed by hand in a finally block
                InputStream in = new FileInputStream(from);
                try {
                  // BUG: Diagnostic contains: [PreferTryWithResources] `out` (OutputStream)
                  OutputStream out = new FileOutputStream(to);
                  try {
                    return in.transferTo(out);
                  } finally {
                    out.close();
                  }
                } finally {
                  in.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveNullInitialisedAndDecorated() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              String firstLine(File f) throws IOException {
                BufferedReader r = null;
                try {
                  // BUG: Diagnostic contains: [PreferTryWithResources] `r` (BufferedReader)
                  r = new BufferedReader(new FileReader(f));
                  return r.readLine();
                } finally {
                  if (r != null) {
                    r.close();
                  }
                }
              }
              Runnable task(File f) {
                return () -> {
                  try {
                    // BUG: Diagnostic contains: [PreferTryWithResources] `w` (Writer)
                    Writer w = new FileWriter(f);
                    try {
                      w.write("done");
                    } finally {
                      w.close();
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                };
              }
            }
            """)
        .doTest();
  }

  // ---- negatives ----------------------------------------------------------------------------

  @Test
  void negativeWhereTheRewriteWouldChangeBehaviour() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.util.List;
            class T {
              InputStream returned(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  in.read();
                  return in;
                } finally {
                  in.close();
                }
              }
              int closedQuietly(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  return in.read();
                } finally {
                  try {
                    in.close();
                  } catch (IOException ignored) {
                  }
                }
              }
              int reassigned(File a, File b) throws IOException {
                InputStream in = new FileInputStream(a);
                try {
                  if (in.read() < 0) {
                    in.close();
                    in = new FileInputStream(b);
                  }
                  return in.read();
                } finally {
                  in.close();
                }
              }
              void handedOn(File f, List<InputStream> seen) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  seen.add(in);
                  in.read();
                } finally {
                  in.close();
                }
              }
              int alreadyTryWithResources(File f) throws IOException {
                try (InputStream in = new FileInputStream(f)) {
                  return in.read();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeWhileALeakInTheSameBlockWaitsForItsOwnFix() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            class T {
              void copy(File a, File b) throws IOException {
                InputStream in = new FileInputStream(a);
                try {
                  // BUG: Diagnostic contains: [ResourceLeakOnException]
                  OutputStream out = new FileOutputStream(b);
                  in.transferTo(out);
                  out.close();
                } finally {
                  in.close();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeWhereTheCloseWouldMoveOrItsCommentsWouldGo() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.concurrent.locks.Lock;
            class T {
              // The catch would also catch what close() throws, which now reaches the caller.
              String catchWouldCoverClose(File f) throws IOException {
                BufferedReader r = null;
                try {
                  r = new BufferedReader(new FileReader(f));
                  return r.readLine();
                } catch (IOException e) {
                  return null;
                } finally {
                  if (r != null) {
                    r.close();
                  }
                }
              }
              // The lock would be released before the stream is closed.
              int closedBeforeUnlock(Lock lock, File f) throws IOException {
                // BUG: Diagnostic contains: [UnreleasedLock] `lock` is locked here and not unlocked if `new FileInputStream(...)` throws
                lock.lock();
                InputStream in = new FileInputStream(f);
                try {
                  return in.read();
                } finally {
                  in.close();
                  lock.unlock();
                }
              }
              // The comments in the finally block would be lost.
              void commented(Path p) throws IOException {
                InputStream in = Files.newInputStream(p);
                try {
                  in.read();
                } finally {
                  // always release: the pool is small
                  in.close();
                }
              }
            }
            """)
        .doTest();
  }

  // ---- fixes --------------------------------------------------------------------------------

  @Test
  void fixRewritesNestedFinallyBlocksInOnePass() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              long copy(File from, File to) throws IOException {
                InputStream in = new FileInputStream(from);
                try {
                  OutputStream out = new FileOutputStream(to);
                  try {
                    return in.transferTo(out);
                  } finally {
                    out.close();
                  }
                } finally {
                  in.close();
                }
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              long copy(File from, File to) throws IOException {
                try (InputStream in = new FileInputStream(from)) {
                  try (OutputStream out = new FileOutputStream(to)) {
                    return in.transferTo(out);
                  }
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixJoinsNullInitialisedResourcesIntoOneHeader() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              int count(Connection c, String table) throws SQLException {
                Statement st = null;
                ResultSet rs = null;
                try {
                  st = c.createStatement();
                  rs = st.executeQuery("select count(*) from " + table);
                  rs.next();
                  return rs.getInt(1);
                } finally {
                  if (rs != null) {
                    rs.close();
                  }
                  if (st != null) {
                    st.close();
                  }
                }
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              int count(Connection c, String table) throws SQLException {
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
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
                @SuppressWarnings("PreferTryWithResources")
                InputStream in = new FileInputStream(f);
                try {
                  return in.read();
                } finally {
                  in.close();
                }
              }
              @SuppressWarnings("PreferTryWithResources")
              int method(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  return in.read();
                } finally {
                  in.close();
                }
              }
              @SuppressWarnings("ResourceLeak")
              int otherCheckSuppressed(File f) throws IOException {
                // BUG: Diagnostic contains: [PreferTryWithResources]
                InputStream in = new FileInputStream(f);
                try {
                  return in.read();
                } finally {
                  in.close();
                }
              }
            }
            """)
        .doTest();
  }
}
