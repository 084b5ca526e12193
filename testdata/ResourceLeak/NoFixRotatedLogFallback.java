package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the last log entry, falling back to the rotated file when the current one is empty. The
 * variable holds two readers in turn; one try-with-resources variable cannot be assigned twice, so
 * neither acquisition gets a fix.
 */
class NoFixRotatedLogFallback {
  String firstEntry(Path current, Path rotated) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: the variable is assigned more than once
    BufferedReader reader = Files.newBufferedReader(current); // leak: not closed when the current log has an entry
    String line = reader.readLine();
    if (line == null) {
      reader.close();
      // BUG: Diagnostic contains: [ResourceLeak]
      reader = Files.newBufferedReader(rotated); // leak: never closed
      line = reader.readLine();
    }
    return line;
  }
}
