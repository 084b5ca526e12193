package testdata.resourceleak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.Channels;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
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

/** The same storage-node channel utilities, releasing everything they open. */
public class NegativeModelChannels {

  public long segmentSize(Path segment) throws IOException {
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) { // ok: try-with-resources
      return ch.size();
    }
  }

  public int readHeaderAsync(Path file, ByteBuffer header)
      throws IOException, InterruptedException, ExecutionException {
    AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, StandardOpenOption.READ); // ok: closed in finally
    try {
      return ch.read(header, 0).get();
    } finally {
      ch.close();
    }
  }

  public int readyPeers(SocketChannel[] peers, long timeoutMillis) throws IOException {
    Selector selector = Selector.open(); // ok: closed in finally
    try {
      for (SocketChannel peer : peers) {
        peer.configureBlocking(false);
        peer.register(selector, SelectionKey.OP_READ);
      }
      return selector.select(timeoutMillis);
    } finally {
      selector.close();
    }
  }

  public void serveOne(InetSocketAddress bindTo) throws IOException {
    try (ServerSocketChannel ssc = ServerSocketChannel.open()) { // ok: try-with-resources
      ssc.bind(bindTo);
      SocketChannel peer = ssc.accept(); // ok: closed through its socket view
      Socket view = peer.socket();
      try {
        view.getOutputStream().write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
      } finally {
        view.close();
      }
    }
  }

  public boolean greet(ServerSocket listener) throws IOException {
    Socket s = listener.accept(); // ok: closed directly, or through its channel when it has one
    SocketChannel ch = s.getChannel();
    if (ch == null) {
      s.close();
      return false;
    }
    try (ch) {
      ch.write(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.US_ASCII)));
    }
    return true;
  }

  public boolean sendProbe(SocketAddress target) throws IOException {
    try (DatagramChannel ch = DatagramChannel.open()) { // ok: try-with-resources
      return ch.send(ByteBuffer.wrap(new byte[] {1}), target) == 1;
    }
  }

  public long checksumIndex(File index) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(index, "r"); // ok: closing its channel closes the file
    FileChannel ch = raf.getChannel();
    try {
      ByteBuffer buf = ByteBuffer.allocate(8);
      ch.read(buf, 0);
      return buf.getLong(0);
    } finally {
      ch.close();
    }
  }

  public byte[] firstBytes(Path file, int n) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); // ok: closing the stream view closes the channel
    try (InputStream in = Channels.newInputStream(ch)) {
      return in.readNBytes(n);
    }
  }

  public byte[] headerOf(ReadableByteChannel callerChannel) throws IOException {
    InputStream in = Channels.newInputStream(callerChannel); // ok: wraps the caller's channel, no new obligation
    return in.readNBytes(16);
  }

  public long tailPosition(Path journal) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(journal, StandardOpenOption.READ)) { // ok: try-with-resources
      return ch.size();
    }
  }

  public void appendExclusive(Path journal, ByteBuffer record) throws IOException {
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) { // ok: try-with-resources
      FileLock lock = ch.lock(); // ok: a child of the channel, released when the channel closes
      ch.write(record);
    }
  }

  public void appendLocked(FileChannel shared, ByteBuffer record) throws IOException {
    try (FileLock lock = shared.lock()) { // ok: released by try-with-resources
      shared.write(record, shared.size());
    }
  }

  public boolean tryAppend(FileChannel shared, ByteBuffer record) throws IOException {
    FileLock lock = shared.tryLock(); // ok: released in finally when it was granted
    if (lock == null) {
      return false;
    }
    try {
      shared.write(record, shared.size());
      return true;
    } finally {
      lock.release();
    }
  }

  public String banner(InetSocketAddress server) throws IOException {
    SocketChannel ch = SocketChannel.open(server); // ok: closed through its socket view
    Socket s = ch.socket();
    try (s) {
      s.setSoTimeout(2_000);
      ByteBuffer buf = ByteBuffer.allocate(256);
      ch.read(buf);
      buf.flip();
      return StandardCharsets.US_ASCII.decode(buf).toString();
    }
  }
}
