package testdata.unclosedresourcefield;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Appends audit events to a file it never closes. Which method should release the writer (a new
 * close(), an existing shutdown hook) is the author's call, so no fix is offered.
 */
class NoFixAuditTrail {
  // BUG: Diagnostic contains: [UnclosedResourceField]
  private final Writer out; // leak: AuditTrail has no method that releases it

  NoFixAuditTrail(File file) throws IOException {
    out = new FileWriter(file, true);
  }

  void record(String event) throws IOException {
    out.write(event);
    out.write('\n');
    out.flush();
  }
}
