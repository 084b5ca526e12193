package testdata.prefertrywithresources;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream closed twice: in an inner finally right after the read, and again in the outer
 * finally when it was opened. Closing a stream twice is harmless, so try-with-resources, which
 * closes it once, keeps what the code does; the inner try goes and its body moves out one level.
 * (Rendering this fix once looped forever; found by the mutation test.)
 */
class FixNestedFinallyCloses {
  int firstByte(File f) throws IOException {
    try (InputStream in = new FileInputStream(f)) {
      return in.read();
    }
  }
}
