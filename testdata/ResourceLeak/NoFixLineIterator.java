package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Returns an iterator over the data lines of a file, after skipping its header. The anonymous
 * iterator captures the reader and reads from it after the method has returned, so closing the
 * reader at the end of the method would break it: no fix. (The iterator never closes the reader
 * either, hence the finding.)
 */
class NoFixLineIterator {
  Iterator<String> dataLines(Path file) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: it is returned, stored, handed to another owner or captured
    BufferedReader reader = Files.newBufferedReader(file); // leak: the iterator never closes it
    reader.readLine();
    return new Iterator<String>() {
      private String next = advance();

      private String advance() {
        try {
          return reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public String next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        String line = next;
        next = advance();
        return line;
      }
    };
  }
}
