package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.leakproof.testing.Patcher;
import org.junit.jupiter.api.Test;

/**
 * Shapes where a plausible rewrite would not compile or would change what the code does; found by
 * patching code the fixer was not written against. Each must get the right fix or none.
 */
class FixSafetyTest {
  private final BugCheckerRefactoringTestHelper leak =
      BugCheckerRefactoringTestHelper.newInstance(ResourceLeak.class, getClass());
  private final BugCheckerRefactoringTestHelper onException =
      BugCheckerRefactoringTestHelper.newInstance(ResourceLeakOnException.class, getClass());

  @Test
  void splittingAResourceInAHeaderOfSeveralKeepsItsSeparator() {
    onException
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.zip.GZIPInputStream;
            class T {
              long gunzip(Path gz) throws IOException {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
                    OutputStream out = OutputStream.nullOutputStream()) {
                  return in.transferTo(out);
                }
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.zip.GZIPInputStream;
            class T {
              long gunzip(Path gz) throws IOException {
                try (InputStream inputStream = Files.newInputStream(gz); InputStream in = new GZIPInputStream(inputStream);
                    OutputStream out = OutputStream.nullOutputStream()) {
                  return in.transferTo(out);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenSomethingMadeFromTheResourceIsUsedAfterTheStatement() {
    leak.addInputLines(
            "T.java",
            """
            import java.sql.*;
            class T {
              void run(String url, String sql) throws SQLException {
                Statement st = DriverManager.getConnection(url).createStatement();
                st.execute(sql);
                st.close();
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void theCloseDoesNotMovePastCallbacks() {
    leak.addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.List;
            class T {
              String save(Path p, String text, List<Runnable> listeners) throws IOException {
                Writer w = Files.newBufferedWriter(p);
                String summary = text.length() + " chars";
                w.write(summary);
                listeners.forEach(Runnable::run);
                return summary;
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.List;
            class T {
              String save(Path p, String text, List<Runnable> listeners) throws IOException {
                String summary;
                try (Writer w = Files.newBufferedWriter(p)) {
                  summary = text.length() + " chars";
                  w.write(summary);
                }
                listeners.forEach(Runnable::run);
                return summary;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForClassLoadersWhoseClassesOutliveTheBlock() {
    leak.addInputLines(
            "T.java",
            """
            import java.net.*;
            import java.util.*;
            class T {
              <S> List<S> discover(URL[] urls, Class<S> spi) {
                URLClassLoader cl = URLClassLoader.newInstance(urls, getClass().getClassLoader());
                List<S> found = new ArrayList<>();
                ServiceLoader.load(spi, cl).forEach(found::add);
                return found;
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixThatLeavesTheFindingInPlace() {
    onException
        .addInputLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            import java.util.zip.GZIPInputStream;
            class T {
              int first(Path p, boolean gz) throws IOException {
                InputStream in = gz ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p);
                try {
                  return in.read();
                } finally {
                  in.close();
                }
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixForOverlappingRewritesThatDoNotCompose() {
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.file.*;
            class T {
              int copyFirst(Path a, Path b) throws IOException {
                // BUG: Diagnostic contains: (no automatic fix: another finding's fix rewrites the same lines
                InputStream in = Files.newInputStream(a);
                int x = in.read();
                // BUG: Diagnostic contains: (no automatic fix: another finding's fix rewrites the same lines
                OutputStream out = Files.newOutputStream(b);
                in.close();
                out.write(x);
                out.close();
                return x;
              }
            }
            """)
        .doTest();
  }

  @Test
  void aTypeToImportBecomesVarAndTheImportsStayAsTheyAre() {
    String input =
        String.join(
            "\n",
            "import java.io.IOException;",
            "// project imports would go here",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class T {",
            "  long count(Path log) throws IOException {",
            "    return Files.lines(log).count();",
            "  }",
            "}",
            "");
    String patched = Patcher.apply("ResourceLeak", "T.java", input);
    assertEquals(
        String.join(
            "\n",
            "import java.io.IOException;",
            "// project imports would go here",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class T {",
            "  long count(Path log) throws IOException {",
            "    try (var lines = Files.lines(log)) {",
            "      return lines.count();",
            "    }",
            "  }",
            "}",
            ""),
        patched);
  }

  @Test
  void aCrlfFileKeepsItsLineBreaks() {
    String input =
        String.join(
            "\r\n",
            "import java.io.*;",
            "class T {",
            "  int first(File f) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    int b = in.read();",
            "    in.close();",
            "    return b;",
            "  }",
            "}",
            "");
    String patched = Patcher.apply("ResourceLeakOnException", "T.java", input);
    assertFalse(patched.replace("\r\n", "").contains("\n"), "a bare line feed in:\n" + patched);
    assertEquals(
        String.join(
            "\r\n",
            "import java.io.*;",
            "class T {",
            "  int first(File f) throws IOException {",
            "    try (InputStream in = new FileInputStream(f)) {",
            "      int b = in.read();",
            "      return b;",
            "    }",
            "  }",
            "}",
            ""),
        patched);
  }

  @Test
  void anElseLeftEmptyByTheRemovedCloseGoes() {
    leak.addInputLines(
            "T.java",
            """
            import java.io.*;
            class T {
              private int total;
              void add(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                int b = in.read();
                if (b > 0) {
                  total += b;
                } else {
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
              private int total;
              void add(File f) throws IOException {
                try (InputStream in = new FileInputStream(f)) {
                  int b = in.read();
                  if (b > 0) {
                    total += b;
                  }
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
