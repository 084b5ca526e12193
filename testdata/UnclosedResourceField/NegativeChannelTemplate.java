package testdata.unclosedresourcefield;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A channel built on the JDK's template: its final close() calls implCloseChannel(). */
public class NegativeChannelTemplate extends AbstractInterruptibleChannel {
  private final FileChannel file; // ok: closed by implCloseChannel(), which close() calls

  public NegativeChannelTemplate(Path path) throws IOException {
    this.file = FileChannel.open(path, StandardOpenOption.READ);
  }

  public long size() throws IOException {
    return file.size();
  }

  @Override
  protected void implCloseChannel() throws IOException {
    file.close();
  }
}
