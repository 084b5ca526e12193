package testdata.unclosedresourcefield;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A superclass's close() closes the stream a subclass hands it through an overridden getter. */
public class NegativeInheritedClose {

  /** Counts bytes and closes whatever stream getStream() returns. */
  abstract static class ThresholdingStream extends OutputStream {
    private long written;

    protected abstract OutputStream getStream() throws IOException;

    @Override
    public void write(int b) throws IOException {
      getStream().write(b);
      written++;
    }

    long written() {
      return written;
    }

    @Override
    public void close() throws IOException {
      getStream().close();
    }
  }

  /** Keeps data in memory until it is large, then in a file. */
  static final class DeferredStream extends ThresholdingStream {
    private final Path spillFile;
    private OutputStream current = new ByteArrayOutputStream();
    private boolean closed;

    DeferredStream(Path spillFile) {
      this.spillFile = spillFile;
    }

    void spill() throws IOException {
      current = Files.newOutputStream(spillFile); // ok: super.close() closes getStream()
    }

    @Override
    protected OutputStream getStream() {
      return current;
    }

    @Override
    public void close() throws IOException {
      super.close();
      closed = true;
    }

    boolean isClosed() {
      return closed;
    }
  }
}
