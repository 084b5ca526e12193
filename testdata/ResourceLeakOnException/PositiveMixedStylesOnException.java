package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A log shipper mixing old and new Java styles; every normal path closes, exceptions do not. */
public class PositiveMixedStylesOnException {

  enum Mode { TRUNCATE, APPEND }

  record Batch(String name, List<String> lines) {}

  public void ship(Path source, Path target) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = Files.newInputStream(source); // leak: opening the target throws before the try
    OutputStream out = Files.newOutputStream(target); // ok: try-with-resources right after acquisition
    try (in; out) {
      in.transferTo(out);
    }
  }

  public void writeBatch(Path target, Mode mode, Batch batch) throws IOException {
    Writer w = switch (mode) {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      case TRUNCATE -> Files.newBufferedWriter(target); // leak: writes can throw before close
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      case APPEND -> Files.newBufferedWriter(target, StandardOpenOption.APPEND); // leak: writes can throw before close
    };
    for (String line : batch.lines()) {
      w.write(line);
      w.write('\n');
    }
    w.close();
  }

  public long copyOrStdin(String name, OutputStream sink) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = name.equals("-") ? System.in : new FileInputStream(name); // leak: transferTo can throw before close
    long n = in.transferTo(sink);
    if (in != System.in) {
      in.close();
    }
    return n;
  }

  public List<String> heads(List<Path> files) throws IOException {
    List<String> heads = new ArrayList<>();
    for (Path p : files) {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      BufferedReader r = Files.newBufferedReader(p); // leak: readLine can throw before the close at the end of the iteration
      heads.add(r.readLine());
      r.close();
    }
    return heads;
  }

  public void shipAll(Map<String, Batch> batches, Path dir) {
    batches.forEach((name, batch) -> {
      try {
        // BUG: Diagnostic contains: [ResourceLeakOnException]
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(name + ".log")); // leak: write can throw inside the lambda before close
        for (String l : batch.lines()) {
          w.write(l);
          w.newLine();
        }
        w.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public int countNonEmpty(Path file) {
    try {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); // leak: the catch rethrows without closing
      int n = 0;
      for (String l; (l = r.readLine()) != null; ) {
        if (!l.isBlank()) {
          n++;
        }
      }
      r.close();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public void rotate(Path current, Path archive) throws IOException {
    Writer log = null;
    try {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      log = Files.newBufferedWriter(archive); // leak: closed at the end of the try block, not in the finally
      log.write(Files.readString(current));
      log.close();
    } finally {
      Files.deleteIfExists(current);
    }
  }

  public String readVersion(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file)) { // ok: try-with-resources
      return r.readLine();
    }
  }
}
