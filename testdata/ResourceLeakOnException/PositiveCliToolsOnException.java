package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Scanner;

/** More subcommands of the CLI (sort, md5sum, nl, paste, csvsum); each closes on success only. */
public class PositiveCliToolsOnException {

  public void sort(Path input, Path output) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedReader r = Files.newBufferedReader(input); // leak: readLine can throw before close
    List<String> lines = new java.util.ArrayList<>();
    for (String l; (l = r.readLine()) != null; ) {
      lines.add(l);
    }
    r.close();
    lines.sort(null);
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedWriter w = Files.newBufferedWriter(output); // leak: write can throw before close
    for (String l : lines) {
      w.write(l);
      w.newLine();
    }
    w.close();
  }

  public String md5sum(File file) throws IOException, NoSuchAlgorithmException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = new FileInputStream(file); // leak: MessageDigest.getInstance and read can throw before close
    MessageDigest md = MessageDigest.getInstance("MD5");
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) != -1; ) {
      md.update(buf, 0, n);
    }
    in.close();
    return HexFormat.of().formatHex(md.digest());
  }

  public void nl(Path input, File output) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(output, StandardCharsets.UTF_8); // leak: readAllLines can throw before close
    int n = 1;
    for (String line : Files.readAllLines(input)) {
      out.printf("%6d  %s%n", n++, line);
    }
    out.close();
  }

  public void paste(Path left, Path right, Path out) throws IOException {
    try (BufferedReader a = Files.newBufferedReader(left); // ok: try-with-resources
        BufferedReader b = Files.newBufferedReader(right)) { // ok: try-with-resources
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      BufferedWriter w = Files.newBufferedWriter(out); // leak: readLine/write can throw before close
      for (String x = a.readLine(), y = b.readLine(); x != null || y != null; x = a.readLine(), y = b.readLine()) {
        w.write((x == null ? "" : x) + "\t" + (y == null ? "" : y));
        w.newLine();
      }
      w.close();
    }
  }

  public long csvsum(File csv, int column) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Scanner sc = new Scanner(csv, StandardCharsets.UTF_8); // leak: Long.parseLong throws on a bad cell before close
    long sum = 0;
    while (sc.hasNextLine()) {
      String line = sc.nextLine();
      int start = 0;
      for (int i = 0; i < column; i++) {
        start = line.indexOf(',', start) + 1;
      }
      int end = line.indexOf(',', start);
      sum += Long.parseLong(end < 0 ? line.substring(start) : line.substring(start, end));
    }
    sc.close();
    return sum;
  }

  public void dd(File in, File out, int blockSize, int count) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileInputStream src = new FileInputStream(in); // leak: opening the destination or copying can throw before close
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    OutputStream dst = new FileOutputStream(out); // leak: read/write can throw before close
    byte[] block = new byte[blockSize];
    for (int i = 0; i < count; i++) {
      int n = src.readNBytes(block, 0, blockSize);
      if (n <= 0) {
        break;
      }
      dst.write(block, 0, n);
    }
    dst.close();
    src.close();
  }

  public void yes(Path target, int lines) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target))) { // ok: try-with-resources
      for (int i = 0; i < lines; i++) {
        out.println("y");
      }
    }
  }
}
