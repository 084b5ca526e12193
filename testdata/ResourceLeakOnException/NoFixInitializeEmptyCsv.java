package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the rows of a CSV file and writes a header into it when it is empty. The reader is closed
 * before the file is written; try-with-resources would keep it open until the return, that is
 * while the same file is rewritten (which fails on Windows), so no fix is offered.
 */
class NoFixInitializeEmptyCsv {
  private static final String HEADER = "id,name,email\n";

  int rowsOrInitialize(Path csv) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: the close would move past code that opens resources, touches files
    BufferedReader reader = Files.newBufferedReader(csv); // leak: not closed if readLine throws
    String header = reader.readLine();
    if (header == null) {
      reader.close();
      Files.writeString(csv, HEADER);
      return 0;
    }
    int rows = 0;
    while (reader.readLine() != null) {
      rows++;
    }
    reader.close();
    return rows;
  }
}
