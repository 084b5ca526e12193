package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Command-line entry points that choose their input and output at run time. */
public class PositiveTernaryAndSwitch {

  enum Sink { FILE, APPEND, CONSOLE }

  enum Source { STDIN, FILE, TEMPLATE }

  public long countBytes(String name) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = "-".equals(name) ? System.in : new FileInputStream(name); // leak: the file branch is never closed
    return in.transferTo(OutputStream.nullOutputStream());
  }

  public void emit(Sink sink, Path target, List<String> lines) throws IOException {
    Writer w = switch (sink) {
      // BUG: Diagnostic contains: [ResourceLeak]
      case FILE -> Files.newBufferedWriter(target); // leak: only flushed, never closed
      // BUG: Diagnostic contains: [ResourceLeak]
      case APPEND -> Files.newBufferedWriter(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND); // leak: only flushed, never closed
      case CONSOLE -> new OutputStreamWriter(System.out); // ok: not a resource (wraps System.out)
    };
    for (String l : lines) {
      w.write(l);
      w.write(System.lineSeparator());
    }
    w.flush();
  }

  public String readTemplate(Path override, String bundled) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Reader r = Files.exists(override) ? Files.newBufferedReader(override) : new StringReader(bundled); // leak: the override reader is never closed
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[2048];
    for (int n; (n = r.read(buf)) != -1; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  public String firstLine(Source source, Path file) throws IOException {
    BufferedReader reader = switch (source) {
      case STDIN -> new BufferedReader(new java.io.InputStreamReader(System.in)); // ok: not a resource (wraps System.in)
      // BUG: Diagnostic contains: [ResourceLeak]
      case FILE -> Files.newBufferedReader(file); // leak: returned line, reader never closed
      case TEMPLATE -> new BufferedReader(new StringReader("# generated\n")); // ok: not a resource (StringReader)
    };
    return reader.readLine();
  }

  public long copyTo(Path source, Path target, boolean append) throws IOException {
    try (InputStream in = Files.newInputStream(source)) { // ok: try-with-resources
      // BUG: Diagnostic contains: [ResourceLeak]
      OutputStream out = append ? Files.newOutputStream(target, StandardOpenOption.APPEND) : System.out; // leak: the appending file stream is never closed
      long n = in.transferTo(out);
      out.flush();
      return n;
    }
  }

  public int checksum(String name) throws IOException {
    int sum = 0;
    try (InputStream in = name.equals("-") ? System.in : new FileInputStream(name)) { // ok: try-with-resources
      for (int b; (b = in.read()) != -1; ) {
        sum = 31 * sum + b;
      }
    }
    return sum;
  }

  public String describe(Source source, Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = Files.newInputStream(file); // leak: the FILE case yields without closing
    String kind = switch (source) {
      case STDIN -> {
        in.close();
        yield "stdin";
      }
      case FILE -> "file of " + in.available() + " bytes";
      case TEMPLATE -> {
        in.close();
        yield "template";
      }
    };
    return kind;
  }
}
