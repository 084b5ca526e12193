package dev.leakproof.checks;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import org.junit.jupiter.api.Test;

class SmokeTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(
          ScannerSupplier.fromBugCheckerClasses(ResourceLeak.class, ResourceLeakOnException.class),
          getClass());

  @Test
  void basics() {
    helper
        .addSourceLines(
            "T.java",
            "import java.io.*;",
            "class T {",
            "  int leaky(File f) throws IOException {",
            "    // BUG: Diagnostic contains: [ResourceLeakOnException]",
            "    FileInputStream in = new FileInputStream(f);",
            "    int b = in.read();",
            "    in.close();",
            "    return b;",
            "  }",
            "  int never(File f) throws IOException {",
            "    // BUG: Diagnostic contains: [ResourceLeak]",
            "    FileInputStream in = new FileInputStream(f);",
            "    return in.read();",
            "  }",
            "  int finallyClose(File f) throws IOException {",
            "    FileInputStream in = new FileInputStream(f);",
            "    try { return in.read(); } finally { in.close(); }",
            "  }",
            "  int twr(File f) throws IOException {",
            "    try (FileInputStream in = new FileInputStream(f)) { return in.read(); }",
            "  }",
            "  void nullFin(File f) throws IOException {",
            "    InputStream in = null;",
            "    try { in = new FileInputStream(f); in.read(); } finally { if (in != null) in.close(); }",
            "  }",
            "  Reader wrap(File f) throws IOException {",
            "    return new BufferedReader(new FileReader(f));",
            "  }",
            "  void wrapClose(File f) throws IOException {",
            "    try (BufferedReader r = new BufferedReader(new FileReader(f))) { r.readLine(); }",
            "  }",
            "  void ois(File f) throws IOException {",
            "    // BUG: Diagnostic contains: [ResourceLeakOnException]",
            "    try (ObjectInputStream r = new ObjectInputStream(new FileInputStream(f))) { r.read(); }",
            "  }",
            "  void sysin() throws IOException {",
            "    BufferedReader r = new BufferedReader(new InputStreamReader(System.in));",
            "    r.readLine();",
            "  }",
            "  void loop(File[] fs) throws IOException {",
            "    for (File f : fs) {",
            "      // BUG: Diagnostic contains: [ResourceLeak]",
            "      FileInputStream in = new FileInputStream(f);",
            "      if (f.length() == 0) continue;",
            "      in.close();",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
