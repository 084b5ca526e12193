package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.leakproof.testing.Patcher;
import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the {@code testdata/} corpus: each check's folder is compiled with the leak checks (and
 * {@code PreferTryWithResources} for its own folder) and its {@code // BUG: Diagnostic contains:}
 * markers must match; {@code FixX.java} must turn into {@code FixX.fixed.java}, which then has no
 * finding; {@code NoFixX.java} must get no fix; files in {@code broken/} must not crash the plugin.
 */
class TestdataTest {
  static final Path ROOT = Path.of(System.getProperty("leakproof.testdata", "../testdata"));
  private static final String MARKER = "// BUG: Diagnostic contains:";

  static List<Path> checkFolders() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> Character.isUpperCase(d.getFileName().toString().charAt(0)))
          .sorted()
          .toList();
    }
  }

  static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  static Class<? extends BugChecker> checkFor(Path folder) throws ClassNotFoundException {
    return (Class<? extends BugChecker>)
        Class.forName("dev.leakproof.checks." + folder.getFileName());
  }

  @TestFactory
  List<DynamicTest> markersMatchFindings() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : checkFolders()) {
      tests.add(
          dynamicTest(
              folder.getFileName().toString(),
              () -> {
                CompilationTestHelper helper =
                    CompilationTestHelper.newInstance(
                        Checks.forFolder(folder.getFileName().toString()), getClass());
                for (Path file : javaFiles(folder)) {
                  if (!file.toString().endsWith(".fixed.java")) {
                    helper.addSourceLines(
                        folder.getFileName() + "/" + file.getFileName(),
                        Files.readAllLines(file).toArray(String[]::new));
                  }
                }
                helper.doTest();
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> goldenFixes() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : checkFolders()) {
      for (Path file : javaFiles(folder)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".fixed.java")) {
          Path input = file.resolveSibling(name.replace(".fixed.java", ".java"));
          tests.add(
              dynamicTest(
                  name + " has its input",
                  () -> assertTrue(Files.exists(input), "golden output without input: " + file)));
        } else if (name.startsWith("Fix")) {
          Path fixed = file.resolveSibling(name.replace(".java", ".fixed.java"));
          tests.add(dynamicTest(name, () -> checkFix(folder, file, fixed)));
        } else if (name.startsWith("NoFix")) {
          tests.add(
              dynamicTest(
                  name,
                  () ->
                      BugCheckerRefactoringTestHelper.newInstance(checkFor(folder), getClass())
                          .addInputLines(name, withoutMarkers(file))
                          .expectUnchanged()
                          .doTest()));
        }
      }
    }
    return tests;
  }

  private void checkFix(Path folder, Path input, Path fixed) throws Exception {
    assertTrue(Files.exists(fixed), "golden input without output: " + fixed);
    String name = input.getFileName().toString();
    // Error Prone's helper recompiles the output...
    BugCheckerRefactoringTestHelper.newInstance(checkFor(folder), getClass())
        .addInputLines(name, withoutMarkers(input))
        .addOutputLines(name, Files.readAllLines(fixed).toArray(String[]::new))
        .doTest(TestMode.TEXT_MATCH);
    // ...but compares modulo formatting; patch mode must give the golden text exactly.
    String patched =
        Patcher.apply(
            folder.getFileName().toString(), name, String.join("\n", withoutMarkers(input)) + "\n");
    assertEquals(Files.readString(fixed), patched, "patch mode output of " + input);
    // Idempotent: the fixed file has nothing left for any check to report.
    CompilationTestHelper.newInstance(Checks.forFolder(folder.getFileName().toString()), getClass())
        .addSourceLines(name, Files.readAllLines(fixed).toArray(String[]::new))
        .expectNoDiagnostics()
        .doTest();
  }

  private static String[] withoutMarkers(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(l -> !l.strip().startsWith(MARKER))
        .toArray(String[]::new);
  }

  @Test
  void brokenSourcesGetJavacErrorsAndNoCrash() throws IOException {
    Path broken = ROOT.resolve("broken");
    List<Path> files = javaFiles(broken);
    assertFalse(files.isEmpty(), "testdata/broken should hold sources that do not compile");
    for (Path file : files) {
      Scanner.Result result = Scanner.scan(List.of(file), List.of());
      assertFalse(result.errors().isEmpty(), file + " was expected not to compile");
      for (String error : result.errors()) {
        assertFalse(
            error.contains("An exception has occurred")
                || error.contains("An unhandled exception")
                || error.contains("ErrorProne"),
            "the plugin crashed on " + file + ": " + error);
      }
      assertFalse(result.output().contains("Exception"), result.output());
    }
  }
}
