package testdata.resourceleak;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Helpers named for what they do before they close their arguments ({@code readBytesAndClose},
 * {@code copyAndClose}) close them, wherever they are declared.
 */
public class NegativeCloserNameEndings {

  /** Stream helpers of the project, in some other place. */
  interface StreamUtils {
    byte[] readBytesAndClose(InputStream in, int length) throws IOException;

    long copyAndClose(InputStream in, OutputStream out) throws IOException;
  }

  private final StreamUtils utils;

  NegativeCloserNameEndings(StreamUtils utils) {
    this.utils = utils;
  }

  byte[] loadResource(String name) throws IOException {
    InputStream in = NegativeCloserNameEndings.class.getResourceAsStream(name);
    if (in == null) {
      return null;
    }
    return utils.readBytesAndClose(in, 0);
  }

  long copy(File from, File to) throws IOException {
    InputStream in = new FileInputStream(from);
    OutputStream out;
    try {
      out = new FileOutputStream(to);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return utils.copyAndClose(in, out);
  }
}
