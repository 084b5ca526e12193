package testdata.resourceleakonexception;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The stream is closed on two paths, one of them before an early return inside a loop; the fix
 * removes both closes, since nothing between them and the end of the try can tell.
 */
class FixCloseOnEarlyExit {
  boolean startsWithMagic(Path file, byte[] magic) throws IOException {
    try (InputStream in = new FileInputStream(file.toFile())) { // leak: not closed if read throws
      for (byte expected : magic) {
        if (in.read() != (expected & 0xff)) {
          return false;
        }
      }
    }
    return true;
  }
}
