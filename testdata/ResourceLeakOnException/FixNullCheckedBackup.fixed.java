package testdata.resourceleakonexception;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Two streams initialised to {@code null} and closed one after the other in a finally block: if
 * {@code in.close()} throws, {@code out} is never closed. The fix replaces the variables, the
 * null checks and the finally block with one try-with-resources header that opens both, in their
 * original order.
 */
class FixNullCheckedBackup {
  void backup(File source, File target) throws IOException {
    try (InputStream in = new FileInputStream(source); // ok: closed first in the finally block
        OutputStream out = new FileOutputStream(target)) { // leak: skipped if in.close() throws
      in.transferTo(out);
    }
  }
}
