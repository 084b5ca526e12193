package testdata.resourceleak;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Formatter;
import java.util.List;
import java.util.Map;
import java.util.Scanner;

/** Monthly report generation: writers that are flushed but not closed. */
public class PositiveReportWriters {

  record Sale(String region, String product, long cents) {}

  public void writeInvoice(String fileName, Sale sale) throws FileNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Formatter f = new Formatter(fileName); // leak: flushed, never closed
    f.format("Region:  %s%nProduct: %s%nAmount:  %,.2f%n", sale.region(), sale.product(), sale.cents() / 100.0);
    f.flush();
  }

  public void writeSummary(String fileName, Map<String, Long> totals) throws FileNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeak]
    PrintWriter out = new PrintWriter(fileName); // leak: PrintWriter(String) over a file never closed
    totals.forEach((region, cents) -> out.printf("%-10s %12.2f%n", region, cents / 100.0));
    out.flush();
  }

  public void writeRegions(File target, List<Sale> sales) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    PrintWriter out = new PrintWriter(target, StandardCharsets.UTF_8); // leak: closed only when there are sales
    if (sales.isEmpty()) {
      return;
    }
    sales.stream().map(Sale::region).distinct().sorted().forEach(out::println);
    out.close();
  }

  public int countProducts(File catalog) throws FileNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Scanner sc = new Scanner(catalog); // leak: returns the count without closing
    int n = 0;
    while (sc.hasNextLine()) {
      if (sc.nextLine().startsWith("SKU")) {
        n++;
      }
    }
    return n;
  }

  public void redirectDiagnostics(Path logFile) throws FileNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeak]
    PrintStream diag = new PrintStream(new FileOutputStream(logFile.toFile(), true), true); // leak: used for one message and dropped
    diag.println("report run started");
  }

  public String summarize(List<Sale> sales, Path archive, boolean keepCopy) throws IOException {
    StringBuilder sb = new StringBuilder();
    Formatter memory = new Formatter(sb); // ok: not a resource (Formatter over a StringBuilder)
    sales.forEach(s -> memory.format("%s/%s=%d;", s.region(), s.product(), s.cents()));
    if (keepCopy) {
      try (Formatter onDisk = new Formatter(archive.toFile(), StandardCharsets.UTF_8.name())) { // ok: try-with-resources
        onDisk.format("%s", sb);
      }
    }
    return sb.toString();
  }

  public void writeDailyFiles(Path dir, Map<String, List<Sale>> byDay) throws IOException {
    for (Map.Entry<String, List<Sale>> day : byDay.entrySet()) {
      // BUG: Diagnostic contains: [ResourceLeak]
      Formatter f = new Formatter(dir.resolve(day.getKey() + ".txt").toString()); // leak: continue on an empty day skips close
      if (day.getValue().isEmpty()) {
        continue;
      }
      day.getValue().forEach(s -> f.format("%s %d%n", s.product(), s.cents()));
      f.close();
    }
  }
}
