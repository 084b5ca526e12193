package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** File inspection helpers for an upload service; several release the file on some branches only. */
public class PositiveBranchClosing {

  /** Returns the CSV header columns, or null when the file is empty. */
  public String[] readCsvHeader(File csv) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader reader = new BufferedReader(new FileReader(csv)); // leak: early return for an empty file skips close
    String first = reader.readLine();
    if (first == null) {
      return null;
    }
    reader.close();
    return first.split(",");
  }

  public boolean isGzip(Path upload) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = Files.newInputStream(upload); // leak: only closed when the magic number matches
    int b1 = in.read();
    int b2 = in.read();
    if (b1 == 0x1f && b2 == 0x8b) {
      in.close();
      return true;
    }
    return false;
  }

  public void exportReport(List<String> lines, File target, boolean dryRun) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileWriter writer = new FileWriter(target, StandardCharsets.UTF_8); // leak: dry run returns without closing
    if (dryRun) {
      System.out.println("Would write " + lines.size() + " lines to " + target);
      return;
    }
    try {
      for (String line : lines) {
        writer.write(line);
        writer.write('\n');
      }
    } finally {
      writer.close();
    }
  }

  public byte[] readChunk(File file, long offset, int length) throws IOException {
    RandomAccessFile raf = null;
    try {
      // BUG: Diagnostic contains: [ResourceLeak]
      raf = new RandomAccessFile(file, "r"); // leak: closed only in the catch block
      if (raf.length() < offset + length) {
        return new byte[0];
      }
      byte[] chunk = new byte[length];
      raf.seek(offset);
      raf.readFully(chunk);
      return chunk;
    } catch (IOException e) {
      if (raf != null) {
        raf.close();
      }
      throw e;
    }
  }

  public void writeSnapshot(Map<String, String> data, Path target) throws IOException {
    boolean written = false;
    // BUG: Diagnostic contains: [ResourceLeak]
    OutputStream out = Files.newOutputStream(target); // leak: finally closes only when something was written
    try {
      for (Map.Entry<String, String> e : data.entrySet()) {
        out.write((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        written = true;
      }
    } finally {
      if (written) {
        out.close();
      }
    }
  }

  public String describe(Path file) throws IOException {
    String name = file.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1);
    // BUG: Diagnostic contains: [ResourceLeak]
    SeekableByteChannel ch = Files.newByteChannel(file); // leak: the "bin" case returns without closing
    return switch (ext) {
      case "txt" -> {
        long size = ch.size();
        ch.close();
        yield "text, " + size + " bytes";
      }
      case "bin" -> "binary";
      default -> {
        ch.close();
        yield "unknown";
      }
    };
  }

  public String firstLineOrDefault(Path file, String fallback) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file)) { // ok: try-with-resources covers the early return
      String line = r.readLine();
      if (line == null) {
        return fallback;
      }
      return line.trim();
    }
  }

  public long sizeIfReadable(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    SeekableByteChannel ch = Files.newByteChannel(file); // leak: not closed when the file is empty
    long size = ch.size();
    if (size > 0) {
      ch.close();
    }
    return size;
  }
}
