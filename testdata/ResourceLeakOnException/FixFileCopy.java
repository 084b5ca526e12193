package testdata.resourceleakonexception;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Copies a file with two streams opened one after the other and closed at the end. Both fixes give
 * the same single try-with-resources header, with the streams in the order they were opened; the
 * count computed inside is returned from inside the try.
 */
class FixFileCopy {
  long copy(Path source, Path target) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = new FileInputStream(source.toFile()); // leak: not closed if opening the target throws
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    OutputStream out = new FileOutputStream(target.toFile()); // leak: not closed if the copy throws
    long copied = in.transferTo(out);
    out.close();
    in.close();
    return copied;
  }
}
