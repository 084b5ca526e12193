package testdata.resourceleakonexception;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Streams that are views on their owner's channel: their close() is written out, empty, over the
 * no-op close() of InputStream/OutputStream. They hold nothing, so a decorator that fails around
 * them leaks nothing; the archive closes the channel.
 */
public class NegativeInnerStreamViews implements Closeable {

  private final FileChannel channel;

  public NegativeInnerStreamViews(Path file) throws IOException {
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
  }

  /** Writes at the channel's position; the archive's close() closes the channel. */
  private final class ChannelOutput extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      channel.write(ByteBuffer.wrap(new byte[] {(byte) b}));
    }

    @Override
    public void close() {
      // the channel belongs to the archive
    }
  }

  /** Reads from the channel's position, the same way. */
  private final class ChannelInput extends InputStream {
    private final ByteBuffer one = ByteBuffer.allocate(1);

    @Override
    public int read() throws IOException {
      one.clear();
      return channel.read(one) < 0 ? -1 : one.get(0) & 0xff;
    }

    @Override
    public void close() {}
  }

  OutputStream entryOutput(boolean compressed) throws IOException {
    OutputStream out = new ChannelOutput(); // ok: a view with nothing to close
    if (compressed) {
      out = new GZIPOutputStream(out); // writes the header, which may throw
    }
    return out;
  }

  InputStream entryInput(boolean compressed) throws IOException {
    InputStream in = new ChannelInput(); // ok: a view with nothing to close
    if (compressed) {
      in = new GZIPInputStream(in); // reads the header, which may throw
    }
    return in;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
