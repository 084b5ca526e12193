package testdata.resourceleakonexception;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Formatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Scanner;
import java.util.UUID;

/** An order-import CLI: parsing user-supplied text can throw while an output is open. */
public class PositiveParsingInputs {

  enum Priority { LOW, NORMAL, HIGH }

  /** A lease on a print queue slot. */
  static final class PrintJob implements AutoCloseable {
    private final String queue;

    PrintJob(String queue) {
      this.queue = queue;
    }

    void print(String line) {
      System.out.println("[" + queue + "] " + line);
    }

    @Override
    public void close() {
      System.out.println("[" + queue + "] done");
    }
  }

  public void quantityReport(File reportFile, List<String> csvRows) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter report = new PrintWriter(reportFile, StandardCharsets.UTF_8); // leak: Integer.parseInt throws NumberFormatException before close
    for (String row : csvRows) {
      String[] cols = row.split(",");
      int qty = Integer.parseInt(cols[1].trim());
      report.printf("%-20s %5d%n", cols[0], qty);
    }
    report.close();
  }

  public void sizeReport(String outName, Map<String, String> sizes) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Formatter fmt = new Formatter(outName); // leak: Long.parseLong throws before close
    for (Map.Entry<String, String> e : sizes.entrySet()) {
      fmt.format("%s: %,d bytes%n", e.getKey(), Long.parseLong(e.getValue()));
    }
    fmt.close();
  }

  public double averagePrice(Path pricesFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Scanner sc = new Scanner(pricesFile, StandardCharsets.UTF_8); // leak: nextInt throws on a malformed count before close
    int count = sc.nextInt();
    double total = 0;
    for (int i = 0; i < count && sc.hasNextDouble(); i++) {
      total += sc.nextDouble();
    }
    sc.close();
    return count == 0 ? 0 : total / count;
  }

  public void printFirst(String queue, List<String> lines) {
    Iterator<String> it = lines.iterator();
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintJob job = new PrintJob(queue); // leak: Iterator.next throws on an empty list before close
    job.print("HEADER: " + it.next());
    while (it.hasNext()) {
      job.print(it.next());
    }
    job.close();
  }

  public void printOwner(String queue, List<String> owners) {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintJob job = new PrintJob(queue); // leak: orElseThrow throws before close
    Optional<String> primary = owners.stream().filter(o -> o.endsWith("@example.com")).findFirst();
    job.print("owner: " + primary.orElseThrow());
    job.close();
  }

  public void exportIds(Path target, List<String> rawIds) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // leak: UUID.fromString throws on a bad id before close
    for (String raw : rawIds) {
      UUID id = UUID.fromString(raw.trim());
      out.println(id.getMostSignificantBits() + ":" + id.getLeastSignificantBits());
    }
    out.close();
  }

  public void triage(String queue, List<String> tickets) {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintJob job = new PrintJob(queue); // leak: Enum.valueOf throws on an unknown priority before close
    for (String t : tickets) {
      String[] parts = t.split(":", 2);
      Priority p = Priority.valueOf(parts[0].toUpperCase());
      if (p == Priority.HIGH) {
        job.print(parts[1]);
      }
    }
    job.close();
  }

  public void dueDates(File out, Map<String, String> invoices) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter w = new PrintWriter(out, StandardCharsets.UTF_8); // leak: LocalDate.parse throws before close
    for (Map.Entry<String, String> e : invoices.entrySet()) {
      LocalDate due = LocalDate.parse(e.getValue());
      w.println(e.getKey() + " due " + due.plusDays(30));
    }
    w.close();
  }

  public void timeouts(String outName, List<String> specs) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Formatter fmt = new Formatter(outName); // leak: Duration.parse throws before close
    for (String spec : specs) {
      fmt.format("%s -> %d ms%n", spec, Duration.parse(spec).toMillis());
    }
    fmt.close();
  }

  public void ports(String queue, List<String> values) {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintJob job = new PrintJob(queue); // leak: Integer.valueOf(String) throws before close
    for (String v : values) {
      Integer port = Integer.valueOf(v);
      job.print("port " + port);
    }
    job.close();
  }

  public void ratios(Path target, List<String> values) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // leak: Double.parseDouble throws before close
    for (String v : values) {
      out.println(Double.parseDouble(v) * 100 + "%");
    }
    out.close();
  }

  public void safeQuantityReport(File reportFile, List<String> csvRows) throws IOException {
    try (PrintWriter report = new PrintWriter(reportFile, StandardCharsets.UTF_8)) { // ok: try-with-resources
      for (String row : csvRows) {
        report.println(Integer.parseInt(row.split(",")[1].trim()));
      }
    }
  }
}
