package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Summarises a CSV import file. {@code header} and {@code rows} are declared while the reader is
 * open and used after it is closed, so the fix declares them before the try and assigns them inside
 * it; the log line and the return stay after the try, where the file is already closed.
 */
class FixImportSummary {
  String summarize(Path csv) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedReader reader = Files.newBufferedReader(csv); // leak: not closed if readLine throws
    String header = reader.readLine();
    int rows = 0;
    while (reader.readLine() != null) {
      rows++;
    }
    reader.close();
    System.out.println("scanned " + csv.getFileName());
    return header + ": " + rows + " rows";
  }
}
