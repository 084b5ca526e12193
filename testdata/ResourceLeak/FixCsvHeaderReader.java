package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the header row of a CSV export; the reader is never closed. */
class FixCsvHeaderReader {
  List<String> header(Path csv) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader reader = new BufferedReader(new FileReader(csv.toFile())); // leak: never closed
    String first = reader.readLine();
    if (first == null) {
      return List.of();
    }
    // Columns are separated by commas; surrounding blanks are not significant.
    return Arrays.stream(first.split(",")).map(String::strip).toList();
  }
}
