package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

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

  /**
   * Returns early while records are pending, like an object that waits for its last user, but
   * nothing closes the file when the queue drains.
   */
  static final class BatchWriter implements Closeable {
    private final Deque<String> pending = new ArrayDeque<>();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final OutputStream out; // leak: close() with records pending returns for good
    private boolean closed;

    BatchWriter(Path file) throws IOException {
      this.out = Files.newOutputStream(file);
    }

    void add(String record) {
      pending.add(record);
    }

    void flush() throws IOException {
      while (!pending.isEmpty()) {
        out.write(pending.remove().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }

    @Override
    public void close() throws IOException {
      if (closed || !pending.isEmpty()) {
        return;
      }
      closed = true;
      out.close();
    }
  }

  /** The flag marks only one of the two ways the stream is opened. */
  static final class HalfMarked implements Closeable {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private InputStream in; // leak: open() makes it without the flag, and close() skips it then
    private boolean ownsIn;

    void open(Path file) throws IOException {
      in = Files.newInputStream(file);
    }

    void openOwned(Path file) throws IOException {
      in = Files.newInputStream(file);
      ownsIn = true;
    }

    @Override
    public void close() throws IOException {
      if (ownsIn && in != null) {
        in.close();
      }
    }
  }

  /** An ownership flag read the wrong way round: the stream it made is the one left open. */
  static final class Inverted implements Closeable {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private OutputStream out; // leak: close() closes it only when the object did not make it
    private boolean ownsOut;

    Inverted(OutputStream given) {
      this.out = given;
    }

    Inverted(Path file) throws IOException {
      this.out = Files.newOutputStream(file);
      this.ownsOut = true;
    }

    @Override
    public void close() throws IOException {
      if (!ownsOut) {
        out.close();
      }
    }
  }
}
