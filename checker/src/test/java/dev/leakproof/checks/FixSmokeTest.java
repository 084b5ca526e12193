package dev.leakproof.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

class FixSmokeTest {
  @Test
  void wraps() {
    BugCheckerRefactoringTestHelper.newInstance(ResourceLeakOnException.class, getClass())
        .addInputLines(
            "T.java",
            "import java.io.*;",
            "class T {",
            "  int leaky(File f) throws IOException {",
            "    FileInputStream in = new FileInputStream(f); // the input",
            "    // read one byte",
            "    int b = in.read();",
            "    in.close();",
            "    return b;",
            "  }",
            "}")
        .addOutputLines(
            "T.java",
            "import java.io.*;",
            "class T {",
            "  int leaky(File f) throws IOException {",
            "    try (FileInputStream in = new FileInputStream(f)) { // the input",
            "      // read one byte",
            "      int b = in.read();",
            "      return b;",
            "    }",
            "  }",
            "}")
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }
}
