package testdata.prefertrywithresources;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The writer is closed in a finally after a catch that handles write failures. The fix keeps the
 * catch inside the try-with-resources: it still runs before the close, and a failing close is
 * still thrown to the caller instead of being handled as a write failure.
 */
class FixReportExport {
  private static final Logger LOG = Logger.getLogger(FixReportExport.class.getName());

  boolean export(Path target, List<String> lines) throws IOException {
    // BUG: Diagnostic contains: [PreferTryWithResources]
    BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8); // ok: closed in the finally
    try {
      // One record per line, in the order given.
      for (String line : lines) {
        out.write(line);
        out.newLine();
      }
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "export to " + target + " failed", e);
      return false;
    } finally {
      out.close();
    }
  }
}
