package testdata.resourceleakonexception;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Hashes a file in chunks and closes the stream just before breaking out of the read loop. The
 * {@code break} leaves the loop for good, so the close can go: the try ends right after the loop
 * and the digest is computed once the file is closed, as before.
 */
class FixChunkedDigest {
  byte[] digest(Path file, MessageDigest digest) throws IOException {
    try (InputStream in = new FileInputStream(file.toFile())) { // leak: not closed if a read throws
      byte[] buffer = new byte[8192];
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }
}
