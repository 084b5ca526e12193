package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lifecycle methods whose test is not "already closed": the other branch really leaks. */
public class PositiveFieldGuardedReleases {

  /** Closes only if the end was not reached: the flag is set by read(), not by close(). */
  static final class RecordReader implements Closeable {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final InputStream in; // leak: at end of input close() skips it
    private boolean atEnd;

    RecordReader(Path file) throws IOException {
      this.in = Files.newInputStream(file);
    }

    int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        atEnd = true;
      }
      return b;
    }

    @Override
    public void close() throws IOException {
      if (!atEnd) {
        in.close();
      }
    }
  }

  /** The test is the right one, but the release sits on the wrong branch. */
  static final class Journal implements Closeable {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final OutputStream out; // leak: the first close() skips it
    private boolean closed;

    Journal(Path file) throws IOException {
      this.out = Files.newOutputStream(file);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        out.close();
      }
      closed = true;
    }
  }
}
