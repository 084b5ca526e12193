package testdata.prefertrywithresources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A constructor loads its settings with the null-initialised idiom: declared before the try,
 * opened inside it, closed in the finally when it was opened. The fix declares it in the
 * try-with-resources header, which closes it only when it was opened too; the comments stay.
 */
class FixConfigLoader {
  private final Properties settings = new Properties();

  FixConfigLoader(Path file) throws IOException {
    InputStream in = null;
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      in = Files.newInputStream(file); // ok: closed in the finally when it was opened
      // Properties.load(InputStream) reads ISO-8859-1, as the settings files are written.
      settings.load(in);
    } finally {
      if (in != null) {
        in.close();
      }
    }
    settings.putIfAbsent("timeout", "30");
  }

  String get(String key) {
    return settings.getProperty(key);
  }
}
