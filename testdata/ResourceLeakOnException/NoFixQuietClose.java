package testdata.resourceleakonexception;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Settings loaders that close the stream quietly, discarding any exception from close(), either
 * inline or through a helper. Try-with-resources would throw that exception instead, which changes
 * what the caller sees, so neither gets a fix.
 */
class NoFixQuietClose {
  Properties load(Path file) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: the code swallows exceptions from close()
    InputStream in = new FileInputStream(file.toFile()); // leak: not closed if load throws
    Properties settings = new Properties();
    settings.load(in);
    try {
      in.close();
    } catch (IOException ignored) {
      // Everything was read; a failure to release the file does not matter here.
    }
    return settings;
  }

  Properties loadWithHelper(Path file) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: the code swallows exceptions from close()
    InputStream in = new FileInputStream(file.toFile()); // leak: not closed if load throws
    Properties settings = new Properties();
    settings.load(in);
    closeQuietly(in);
    return settings;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // Nothing useful to do.
    }
  }
}
