package testdata.resourceleak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.Channels;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** NIO channel utilities of a storage node that leak the channels they open. */
public class PositiveModelChannels {

  public long segmentSize(Path segment) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ); // leak: never closed
    return ch.size();
  }

  public int readHeaderAsync(Path file, ByteBuffer header)
      throws IOException, InterruptedException, ExecutionException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, StandardOpenOption.READ); // leak: Future.get() can throw before close()
    Future<Integer> pending = ch.read(header, 0);
    int n = pending.get();
    ch.close();
    return n;
  }

  public boolean anyReadable(SocketChannel[] peers, long timeoutMillis) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Selector selector = Selector.open(); // leak: closed only when nothing is ready
    for (SocketChannel peer : peers) {
      peer.configureBlocking(false);
      peer.register(selector, SelectionKey.OP_READ);
    }
    if (selector.select(timeoutMillis) > 0) {
      return true;
    }
    selector.close();
    return false;
  }

  public int reservePort() throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ServerSocketChannel ssc = ServerSocketChannel.open(); // leak: bind() can throw before close()
    ssc.bind(new InetSocketAddress(0));
    int port = ((InetSocketAddress) ssc.getLocalAddress()).getPort();
    ssc.close();
    return port;
  }

  public void greetNext(ServerSocketChannel listener, boolean keepAlive) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    SocketChannel peer = listener.accept(); // leak: not closed when keepAlive is set (and not stored anywhere)
    if (peer == null) {
      return;
    }
    peer.write(ByteBuffer.wrap("220 ready\r\n".getBytes(StandardCharsets.US_ASCII)));
    if (!keepAlive) {
      peer.close();
    }
  }

  public boolean sendProbe(SocketAddress target, boolean expectAck) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    DatagramChannel ch = DatagramChannel.open(); // leak: not closed when no ack is expected
    ch.send(ByteBuffer.wrap(new byte[] {1}), target);
    if (!expectAck) {
      return true;
    }
    ByteBuffer ack = ByteBuffer.allocate(1);
    boolean acked = ch.receive(ack) != null;
    ch.close();
    return acked;
  }

  public MappedByteBuffer mapIndex(File index) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    RandomAccessFile raf = new RandomAccessFile(index, "r"); // leak: neither the file nor its channel is closed
    FileChannel ch = raf.getChannel();
    return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
  }

  public byte[] firstBytes(Path file, int n) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); // leak: the stream view is never closed, so the channel stays open
    InputStream in = Channels.newInputStream(ch);
    return in.readNBytes(n);
  }

  public long tailPosition(Path journal, boolean verify) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    SeekableByteChannel ch = Files.newByteChannel(journal, StandardOpenOption.READ); // leak: closed only on the verify path
    long size = ch.size();
    if (!verify) {
      return size;
    }
    ch.position(size - 4);
    ByteBuffer trailer = ByteBuffer.allocate(4);
    ch.read(trailer);
    ch.close();
    return size;
  }

  public void appendLocked(FileChannel shared, ByteBuffer record) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileLock lock = shared.lock(); // leak: the caller's channel stays open, so the lock is never released
    shared.write(record, shared.size());
  }

  public String banner(InetSocketAddress server) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    SocketChannel ch = SocketChannel.open(server); // leak: neither the channel nor its socket view is closed
    ch.socket().setSoTimeout(2_000);
    ByteBuffer buf = ByteBuffer.allocate(256);
    ch.read(buf);
    buf.flip();
    return StandardCharsets.US_ASCII.decode(buf).toString();
  }
}
