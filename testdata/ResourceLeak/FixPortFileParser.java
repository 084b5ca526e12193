package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the port a server wrote to a file. The existing try/catch around the parse stays as it is,
 * inside the new try: the fallback is still returned for a malformed number, and an I/O error still
 * propagates to the caller.
 */
class FixPortFileParser {
  int readPort(Path file, int fallback) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader reader = Files.newBufferedReader(file); // leak: never closed
    try {
      return Integer.parseInt(reader.readLine().strip());
    } catch (NumberFormatException e) {
      System.err.println("bad port in " + file + ": " + e.getMessage());
      return fallback;
    }
  }
}
