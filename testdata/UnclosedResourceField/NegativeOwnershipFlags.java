package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A flag that records whether the object made what a field holds: close() releases the field only
 * then, since otherwise a caller gave it (or it was never made).
 */
class NegativeOwnershipFlags {

  /** A cache that is either handed in or made on first use; only a cache it made is closed. */
  static final class Stream implements Closeable {
    private RandomAccessFile cache; // ok: closed whenever this object made it
    private boolean closeCache = false;
    private final Path scratch;

    Stream(Path scratch) {
      this.scratch = scratch;
    }

    Stream(Path scratch, RandomAccessFile cache) {
      this.scratch = scratch;
      this.cache = cache;
    }

    RandomAccessFile cache() throws IOException {
      if (cache == null) {
        cache = new RandomAccessFile(scratch.toFile(), "rw");
        closeCache = true;
      }
      return cache;
    }

    @Override
    public void close() throws IOException {
      if (closeCache && cache != null) {
        cache.close();
        cache = null;
      }
    }
  }

  /** A sink over a stream it opened, or over one the caller keeps. */
  static final class Sink implements Closeable {
    private OutputStream out; // ok: closed when this object opened it
    private boolean ownsOut;

    Sink(OutputStream given) {
      this.out = given;
    }

    Sink(Path file) throws IOException {
      this.out = Files.newOutputStream(file);
      this.ownsOut = true;
    }

    void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void close() throws IOException {
      if (ownsOut) {
        out.close();
      } else {
        out.flush();
      }
    }
  }
}
