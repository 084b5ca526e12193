package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code -XepOpt:Leakproof:*} flags, as a build passes them. */
class FlagsTest {
  @TempDir Path dir;

  private Path source(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void flagFollowUncheckedExceptionsReportsUncheckedPaths() {
    String[] source = {
      "import java.io.*;",
      "import java.util.List;",
      "class T {",
      "  void write(File f, List<String> lines) throws IOException {",
      "    // BUG: Diagnostic contains: if `lines.get()` throws RuntimeException",
      "    Writer w = new FileWriter(f);",
      "    String first = lines.get(0);",
      "    try {",
      "      w.write(first);",
      "    } finally {",
      "      w.close();",
      "    }",
      "  }",
      "}"
    };
    CompilationTestHelper.newInstance(Checks.ALL, getClass())
        .setArgs("-XepOpt:Leakproof:FollowUncheckedExceptions=true")
        .addSourceLines("T.java", source)
        .doTest();
  }

  @Test
  void flagBadValueFailsTheBuildWithAClearMessage() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:FollowUncheckedExceptions=maybe"));
    assertEquals(
        List.of(
            "Leakproof: -XepOpt:Leakproof:FollowUncheckedExceptions=maybe is not a boolean."
                + " Write -XepOpt:Leakproof:FollowUncheckedExceptions=true or"
                + " -XepOpt:Leakproof:FollowUncheckedExceptions=false"),
        result.errors().stream().map(e -> e.replaceFirst("^.*?-?\\d+: ", "")).toList());
  }

  @Test
  void flagUnknownNameFailsTheBuild() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result = Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:MaxSteps=10"));
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(
        result.errors().get(0).contains("-XepOpt:Leakproof:MaxSteps is not a Leakproof flag"),
        result.errors().toString());
  }

  @Test
  void flagMaxStepsSkipsLargeMethodsWithAVisibleNote() throws IOException {
    StringBuilder big =
        new StringBuilder(
            "import java.io.*;\nclass Big {\n  void big(File f) throws IOException {\n");
    for (int i = 0; i < 50; i++) {
      big.append("    InputStream in").append(i).append(" = new FileInputStream(f);\n");
    }
    big.append("  }\n}\n");
    Path file = source("Big.java", big.toString());
    Scanner.Result limited =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:MaxStepsPerMethod=20"));
    assertEquals(List.of(), limited.findings());
    assertTrue(
        limited
            .output()
            .contains(
                "Big.java:3: note: Leakproof did not check method big() because"
                    + " it is too large to analyse (more than 20 analysis steps)"),
        limited.output());
    assertEquals(1, limited.output().lines().filter(l -> l.contains("did not check")).count());
    Scanner.Result full = Scanner.scan(List.of(file), List.of());
    assertEquals(50, full.findings().size());
  }
}
