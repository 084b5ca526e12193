package testdata.resourceleakonexception;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens an image file after checking its signature. The stream is closed when the signature is
 * wrong and handed to the caller when it is right; only the exception from the check leaks it.
 * Try-with-resources would close the stream the caller receives, so the fix would have to be a
 * catch that closes and rethrows, which the rewrite does not write.
 */
class NoFixValidatedStreamReturned {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  InputStream openPng(Path file) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: it is returned, stored, handed to another owner or captured
    InputStream in = new BufferedInputStream(new FileInputStream(file.toFile())); // leak: not closed if the signature cannot be read
    in.mark(PNG.length);
    byte[] signature = in.readNBytes(PNG.length);
    if (!Arrays.equals(signature, PNG)) {
      in.close();
      throw new IOException(file + " is not a PNG file");
    }
    in.reset();
    return in;
  }
}
