package testdata.resourceleakonexception;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/** Loads settings; the stream leaks if Properties.load throws. */
class FixPropertiesLoader {
  String setting(Path file, String key, String fallback) throws IOException {
    try (InputStream in = new FileInputStream(file.toFile())) { // leak: not closed if load throws
      Properties props = new Properties();
      props.load(in); // may throw IOException on malformed escapes
      return props.getProperty(key, fallback);
    }
  }
}
