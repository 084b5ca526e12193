package testdata.resourceleakonexception;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An archive reader whose convenience constructor opens the channel and hands it to the main
 * constructor. If the main constructor throws, the channel leaks. No try-with-resources can fix
 * that: {@code this(...)} must stay the first statement, and the object keeps the channel, so
 * closing it at the end of a block would break every reader built this way.
 */
class NoFixDelegatingConstructor implements AutoCloseable {
  private final SeekableByteChannel channel;

  NoFixDelegatingConstructor(Path archive) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: it is returned, stored, handed to another owner or captured
    this(Files.newByteChannel(archive), 512); // leak: the channel stays open if the header check throws
  }

  NoFixDelegatingConstructor(SeekableByteChannel channel, int blockSize) throws IOException {
    this.channel = channel;
    if (channel.size() % blockSize != 0) {
      throw new IOException("truncated archive");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
