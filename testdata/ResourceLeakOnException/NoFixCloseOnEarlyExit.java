package testdata.resourceleakonexception;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The stream is closed on two paths, one of them inside an if; the simple fix only understands
 * close() calls that are statements of the declaring block, so none is offered.
 */
class NoFixCloseOnEarlyExit {
  boolean startsWithMagic(Path file, byte[] magic) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = new FileInputStream(file.toFile()); // leak: not closed if read throws
    for (byte expected : magic) {
      if (in.read() != (expected & 0xff)) {
        in.close();
        return false;
      }
    }
    in.close();
    return true;
  }
}
