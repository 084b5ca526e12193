package testdata.resourceleak;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Scanner;

/**
 * Report helpers. The writer is used by a lambda that runs before {@code forEach} returns, so it
 * does not outlive the method and the fix can close it after the flush. A {@code var} declaration
 * keeps {@code var} in the resource header.
 */
class FixDepartmentReport {
  void writeTotals(Path target, Map<String, Integer> totals) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // leak: flushed, never closed
    out.println("department,total");
    totals.forEach((department, total) -> out.println(department + "," + total));
    out.flush();
  }

  int countWords(Path notes) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    var scanner = new Scanner(notes); // leak: never closed
    int words = 0;
    while (scanner.hasNext()) {
      scanner.next();
      words++;
    }
    return words;
  }
}
