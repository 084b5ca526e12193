package testdata.resourceleakonexception;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A channel whose connection attempt fails is closed by the channel itself: SocketChannel promises
 * it for every checked exception out of connect() and finishConnect().
 */
public class NegativeFailedConnects {

  /** Tries each replica in turn; a failed connect leaves nothing open. */
  public SocketChannel firstReachable(InetSocketAddress[] replicas) throws IOException {
    IOException last = new IOException("no replicas");
    for (InetSocketAddress replica : replicas) {
      try {
        SocketChannel channel = SocketChannel.open();
        channel.connect(replica);
        return channel;
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  /** A non-blocking connect finished by polling. */
  public SocketChannel connectPolling(InetSocketAddress address) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.configureBlocking(false);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (!channel.connect(address)) {
      while (!channel.finishConnect()) {
        Thread.onSpinWait();
      }
    }
    return channel;
  }

  /** Sends one datagram-sized request over a fresh connection and reads the answer. */
  public int ping(InetSocketAddress address, ByteBuffer request, ByteBuffer answer)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.connect(address);
    try (channel) {
      channel.write(request);
      return channel.read(answer);
    }
  }
}
