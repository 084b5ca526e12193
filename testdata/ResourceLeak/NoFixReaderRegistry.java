package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tailer that keeps the reader of a growing log in a list, to be closed on shutdown, but drops
 * it when the caller does not ask to follow. The reader is stored on one path, so try-with-resources
 * would close the one the registry holds: no fix.
 */
class NoFixReaderRegistry implements Closeable {
  private final List<BufferedReader> followed = new ArrayList<>();

  String firstLine(Path log, boolean follow) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: it is returned, stored
    BufferedReader reader = Files.newBufferedReader(log); // leak: dropped when not followed
    String first = reader.readLine();
    if (follow) {
      followed.add(reader);
    }
    return first;
  }

  @Override
  public void close() throws IOException {
    for (BufferedReader reader : followed) {
      reader.close();
    }
  }
}
