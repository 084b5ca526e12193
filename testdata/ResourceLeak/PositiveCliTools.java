package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Scanner;

/** Subcommands of a small Unix-style CLI (cat, tee, head, wc, grep, split). */
public class PositiveCliTools {

  public void cat(List<String> args, PrintStream stdout) throws IOException {
    for (String arg : args) {
      // BUG: Diagnostic contains: [ResourceLeak]
      InputStream in = arg.equals("-") ? System.in : new FileInputStream(arg); // leak: file inputs are never closed
      in.transferTo(stdout);
    }
  }

  public void tee(String target, boolean append) throws IOException {
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in)); // ok: not a resource (wraps System.in)
    // BUG: Diagnostic contains: [ResourceLeak]
    PrintWriter file = new PrintWriter(new FileWriter(target, append)); // leak: the tee file is never closed
    for (String line; (line = stdin.readLine()) != null; ) {
      System.out.println(line);
      file.println(line);
    }
    file.flush();
  }

  public void head(Path file, int n) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = Files.newBufferedReader(file); // leak: returns after n lines without closing
    for (int i = 0; i < n; i++) {
      String line = r.readLine();
      if (line == null) {
        r.close();
        return;
      }
      System.out.println(line);
    }
  }

  public long wc(File file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Scanner words = new Scanner(file, StandardCharsets.UTF_8); // leak: returns the count without closing
    long n = 0;
    while (words.hasNext()) {
      words.next();
      n++;
    }
    return n;
  }

  public int grep(String pattern, List<Path> files, boolean quiet) throws IOException {
    int matches = 0;
    for (Path f : files) {
      // BUG: Diagnostic contains: [ResourceLeak]
      BufferedReader r = Files.newBufferedReader(f); // leak: quiet mode returns on the first match without closing
      for (String line; (line = r.readLine()) != null; ) {
        if (line.contains(pattern)) {
          if (quiet) {
            return 1;
          }
          System.out.println(f + ":" + line);
          matches++;
        }
      }
      r.close();
    }
    return matches;
  }

  public int split(Path input, Path outDir, int linesPerFile) throws IOException {
    int part = 0;
    try (BufferedReader r = Files.newBufferedReader(input)) { // ok: try-with-resources
      BufferedWriter w = null;
      int count = 0;
      for (String line; (line = r.readLine()) != null; ) {
        if (w == null || count == linesPerFile) {
          // BUG: Diagnostic contains: [ResourceLeak]
          w = Files.newBufferedWriter(outDir.resolve("x" + part++)); // leak: the previous part is never closed when a new one starts
          count = 0;
        }
        w.write(line);
        w.newLine();
        count++;
      }
      if (w != null) {
        w.close();
      }
    }
    return part;
  }

  public void touch(List<String> names) throws IOException {
    for (String name : names) {
      // BUG: Diagnostic contains: [ResourceLeak]
      new FileOutputStream(name, true); // leak: opened only for its side effect and never closed
    }
  }

  public void copyToStdout(String name) throws IOException {
    OutputStream stdout = new PrintStream(System.out, true); // ok: not a resource (wraps System.out)
    try (InputStream in = new FileInputStream(name)) { // ok: try-with-resources
      in.transferTo(stdout);
    }
    stdout.flush();
  }

  public void cmp(Path a, Path b) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream left = Files.newInputStream(a); // leak: returns at the first difference without closing
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream right = Files.newInputStream(b); // leak: returns at the first difference without closing
    long pos = 0;
    for (int x = left.read(), y = right.read(); x != -1 || y != -1; x = left.read(), y = right.read(), pos++) {
      if (x != y) {
        System.out.println("differ: byte " + pos);
        return;
      }
    }
    left.close();
    right.close();
  }
}
