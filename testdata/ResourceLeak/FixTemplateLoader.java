package testdata.resourceleak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Loads a mail template from the classpath. The stream is used in the {@code return} statement,
 * which stays inside the try; the null check stays too, since try-with-resources accepts a null
 * resource and simply does not close it.
 */
class FixTemplateLoader {
  String template(String name) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = FixTemplateLoader.class.getResourceAsStream("/templates/" + name); // leak: never closed
    if (in == null) {
      throw new IOException("no template named " + name);
    }
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
