package testdata.resourceleak;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The stream is returned on one path and leaked on the other. Wrapping it in try-with-resources
 * would close the stream the caller receives, so no fix is offered.
 */
class NoFixConditionallyReturnedStream {
  InputStream openIfNotEmpty(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = new FileInputStream(file.toFile()); // leak: dropped when the file is empty
    if (in.available() > 0) {
      return new BufferedInputStream(in);
    }
    return null;
  }
}
