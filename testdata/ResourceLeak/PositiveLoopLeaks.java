package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.LineNumberReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.regex.Pattern;

/** Batch jobs of a log-processing tool: every method handles many files in a loop. */
public class PositiveLoopLeaks {

  private static final long STALE_AGE_MILLIS = 24L * 60 * 60 * 1000;

  public Map<Path, String> firstLines(List<Path> files) throws IOException {
    Map<Path, String> result = new LinkedHashMap<>();
    for (Path p : files) {
      // BUG: Diagnostic contains: [ResourceLeak]
      BufferedReader r = Files.newBufferedReader(p); // leak: continue for empty files skips close
      String first = r.readLine();
      if (first == null) {
        continue;
      }
      result.put(p, first);
      r.close();
    }
    return result;
  }

  public Path findFileContaining(List<Path> candidates, String needle) throws IOException {
    Path hit = null;
    for (Path p : candidates) {
      // BUG: Diagnostic contains: [ResourceLeak]
      Scanner sc = new Scanner(p, StandardCharsets.UTF_8); // leak: break leaves the scanner open
      if (sc.findWithinHorizon(Pattern.quote(needle), 0) != null) {
        hit = p;
        break;
      }
      sc.close();
    }
    return hit;
  }

  public long totalLines(File[] logs) throws IOException {
    long total = 0;
    for (File log : logs) {
      // BUG: Diagnostic contains: [ResourceLeak]
      LineNumberReader lnr = new LineNumberReader(new FileReader(log)); // leak: one reader per iteration, none closed
      while (lnr.readLine() != null) {
        // just counting
      }
      total += lnr.getLineNumber();
    }
    return total;
  }

  /** Splits a log into numbered parts of at most maxBytes each. */
  public int rotate(Path base, List<String> lines, long maxBytes) throws IOException {
    Writer out = null;
    int part = 0;
    try {
      // BUG: Diagnostic contains: [ResourceLeak]
      out = Files.newBufferedWriter(partPath(base, part)); // leak: lost when the first rotation reassigns out
      long written = 0;
      for (String line : lines) {
        if (written > maxBytes) {
          part++;
          // BUG: Diagnostic contains: [ResourceLeak]
          out = Files.newBufferedWriter(partPath(base, part)); // leak: lost on the next rotation
          written = 0;
        }
        out.write(line);
        out.write(System.lineSeparator());
        written += line.length() + 1;
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
    return part + 1;
  }

  public void mergeParts(List<File> parts, File target) throws IOException {
    try (OutputStream out = new FileOutputStream(target)) { // ok: try-with-resources
      InputStream in = null;
      for (File part : parts) {
        // BUG: Diagnostic contains: [ResourceLeak]
        in = new FileInputStream(part); // leak: each reassignment loses the previous part's stream
        in.transferTo(out);
      }
      if (in != null) {
        in.close();
      }
    }
  }

  public int countStaleLocks(List<Path> dirs) throws IOException {
    int stale = 0;
    outer:
    for (Path dir : dirs) {
      // BUG: Diagnostic contains: [ResourceLeak]
      DirectoryStream<Path> locks = Files.newDirectoryStream(dir, "*.lock"); // leak: continue outer skips close
      for (Path lock : locks) {
        if (System.currentTimeMillis() - lock.toFile().lastModified() > STALE_AGE_MILLIS) {
          stale++;
          continue outer;
        }
      }
      locks.close();
    }
    return stale;
  }

  public void writeShards(Map<String, List<String>> shards, Path outDir) throws IOException {
    for (Map.Entry<String, List<String>> shard : shards.entrySet()) {
      try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve(shard.getKey() + ".txt"))) { // ok: try-with-resources per iteration
        for (String row : shard.getValue()) {
          w.write(row);
          w.newLine();
        }
      }
    }
  }

  public String waitForMarker(File statusFile, int attempts) throws IOException, InterruptedException {
    BufferedReader reader;
    int attempt = 0;
    do {
      // BUG: Diagnostic contains: [ResourceLeak]
      reader = new BufferedReader(new FileReader(statusFile)); // leak: each retry reassigns without closing
      String status = reader.readLine();
      if ("READY".equals(status)) {
        reader.close();
        return status;
      }
      Thread.sleep(500);
    } while (++attempt < attempts);
    return null;
  }

  private static Path partPath(Path base, int part) {
    return base.resolveSibling(base.getFileName() + "." + part);
  }
}
