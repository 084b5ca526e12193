package testdata.resourceleakonexception;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Formatter;
import java.util.List;
import java.util.Scanner;

/** Report rendering with validation that throws while the output is open. */
public class PositiveExplicitThrows {

  enum Format { CSV, TSV, JSON }

  record LedgerEntry(long id, String account, Long amountCents) {}

  /** A rendering session that holds a print job; releases it on close. */
  static final class ReportSession implements AutoCloseable {
    private final String name;
    private int pages;

    ReportSession(String name) {
      this.name = name;
    }

    void render(List<String> rows) {
      pages += Math.max(1, rows.size() / 50);
    }

    @Override
    public void close() {
      System.out.println("released " + name + " after " + pages + " pages");
    }
  }

  public void renderReport(String name, List<String> rows) {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ReportSession session = new ReportSession(name); // leak: explicit throw on empty input skips close
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows for report " + name);
    }
    session.render(rows);
    session.close();
  }

  public void exportLedger(File target, List<LedgerEntry> entries) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(target, StandardCharsets.UTF_8); // leak: explicit throw for a missing amount skips close
    for (LedgerEntry e : entries) {
      if (e.amountCents() == null) {
        throw new IllegalStateException("entry " + e.id() + " has no amount");
      }
      out.printf("%d;%s;%d%n", e.id(), e.account(), e.amountCents());
    }
    out.close();
  }

  public void writeTable(Path target, Format format, List<String[]> rows) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Formatter fmt = new Formatter(target.toString()); // leak: the default branch throws before close
    for (String[] row : rows) {
      switch (format) {
        case CSV -> fmt.format("%s%n", String.join(",", row));
        case TSV -> fmt.format("%s%n", String.join("\t", row));
        default -> throw new UnsupportedOperationException("format " + format);
      }
    }
    fmt.close();
  }

  public String handshake(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Socket s = new Socket(host, port); // leak: protocol error thrown before close
    try {
      DataInputStream in = new DataInputStream(s.getInputStream());
      int version = in.readInt();
      if (version != 2) {
        throw new ProtocolException("unsupported protocol version " + version);
      }
      s.close();
      return "v" + version;
    } catch (ProtocolException e) {
      System.err.println("handshake failed: " + e.getMessage());
      throw e;
    }
  }

  public int countRecords(Path data) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Scanner sc = new Scanner(data, StandardCharsets.UTF_8); // leak: explicit throw on a bad header skips close
    if (!sc.hasNextLine()) {
      sc.close();
      return 0;
    }
    if (!sc.hasNext("RECORDS")) {
      throw new IOException("missing RECORDS header in " + data);
    }
    int count = 0;
    while (sc.hasNextLine()) {
      if (!sc.nextLine().isBlank()) {
        count++;
      }
    }
    sc.close();
    return count;
  }

  public void writeManifest(Path target, List<String> entries) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter w = new PrintWriter(Files.newBufferedWriter(target)); // leak: duplicate entry throws before close
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String entry : entries) {
      if (!seen.add(entry)) {
        throw new IllegalArgumentException("duplicate manifest entry " + entry);
      }
      w.println(entry);
    }
    w.close();
  }

  public void safeRender(String name, List<String> rows) {
    try (ReportSession session = new ReportSession(name)) { // ok: try-with-resources closes it on the throw
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("no rows for report " + name);
      }
      session.render(rows);
    }
  }
}
