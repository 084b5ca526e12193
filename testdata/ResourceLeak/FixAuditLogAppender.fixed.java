package testdata.resourceleak;

import java.io.FileWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;

/** Appends one audit line; the writer is flushed but never closed. */
class FixAuditLogAppender {
  private int written;

  void append(Path log, String user, String action) throws IOException {
    try (Writer out = new FileWriter(log.toFile(), true)) { // leak: flushed, never closed
      out.write(Instant.now() + " " + user + " " + action + "\n");
      out.flush();
    }
    written++;
    System.out.println("audit entries written: " + written);
  }
}
