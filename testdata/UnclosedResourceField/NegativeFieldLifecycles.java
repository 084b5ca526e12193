package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.checkerframework.checker.calledmethods.qual.EnsuresCalledMethods;
import org.checkerframework.checker.mustcall.qual.InheritableMustCall;

/** Classes whose lifecycle methods release every resource they keep in fields. */
public class NegativeFieldLifecycles {

  /** IOUtils-style helpers. */
  static final class QuietIo {
    private QuietIo() {}

    static void closeQuietly(Closeable c) {
      if (c == null) {
        return;
      }
      try {
        c.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  /** A backup session; close() releases both streams, each behind a null check. */
  static final class BackupSession implements Closeable {
    private InputStream source; // ok: closed in close() behind a null check
    private OutputStream target;

    void open(Path from, Path to) throws IOException {
      source = Files.newInputStream(from);
      target = Files.newOutputStream(to);
    }

    long copy() throws IOException {
      return source.transferTo(target);
    }

    @Override
    public void close() throws IOException {
      try {
        if (source != null) {
          source.close();
        }
      } finally {
        if (target != null) {
          target.close();
        }
      }
    }
  }

  /** Sends telemetry over UDP; close() delegates to a private helper that closes the socket. */
  static final class TelemetryUplink implements AutoCloseable {
    private final DatagramSocket socket; // ok: closed by the private helper close() calls
    private final InetSocketAddress collector;

    TelemetryUplink(InetSocketAddress collector) throws SocketException {
      this.collector = collector;
      this.socket = new DatagramSocket();
    }

    void send(String metric) throws IOException {
      byte[] bytes = metric.getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(bytes, bytes.length, collector));
    }

    @Override
    public void close() {
      releaseSocket();
    }

    private void releaseSocket() {
      socket.disconnect();
      socket.close();
    }
  }

  /** A thumbnail store closed through an IOUtils-style closeQuietly helper. */
  static final class ThumbnailStore implements Closeable {
    private final FileChannel channel; // ok: released by QuietIo.closeQuietly in close()

    ThumbnailStore(Path file) throws IOException {
      this.channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    }

    void put(long offset, ByteBuffer image) throws IOException {
      channel.write(image, offset);
    }

    @Override
    public void close() {
      QuietIo.closeQuietly(channel);
    }
  }

  /** An LDAP gateway released by closeConnection(), a lifecycle name by its prefix. */
  static final class LdapGateway {
    private Socket connection; // ok: closed by closeConnection()

    void connect(String host) throws IOException {
      if (connection == null) {
        connection = new Socket(host, 389);
      }
    }

    void bind(byte[] request) throws IOException {
      connection.getOutputStream().write(request);
    }

    void closeConnection() throws IOException {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }

  /** A stub HTTP server for tests, stopped by stopServer(). */
  static final class StubHttpServer {
    private final ServerSocket server; // ok: closed by stopServer()

    StubHttpServer() throws IOException {
      this.server = new ServerSocket(0);
    }

    int port() {
      return server.getLocalPort();
    }

    void stopServer() throws IOException {
      server.close();
    }
  }

  /** A spool writer shut down by shutdownNow(). */
  static final class PrintSpooler {
    private final FileOutputStream spool; // ok: closed by shutdownNow()

    PrintSpooler(Path spoolFile) throws IOException {
      this.spool = new FileOutputStream(spoolFile.toFile(), true);
    }

    void enqueue(byte[] job) throws IOException {
      spool.write(job);
    }

    void shutdownNow() throws IOException {
      spool.close();
    }
  }

  /** A key/value index whose close() calls a helper that declares which fields it closes. */
  static final class CatalogIndex implements Closeable {
    private final FileChannel keys; // ok: released by releaseAll(), annotated @EnsuresCalledMethods("this.keys")
    private final FileChannel values;

    CatalogIndex(Path dir) throws IOException {
      FileChannel k = FileChannel.open(dir.resolve("keys"), StandardOpenOption.READ); // ok: closed in the catch block if the values file fails to open
      try {
        this.values = FileChannel.open(dir.resolve("values"), StandardOpenOption.READ);
      } catch (IOException e) {
        k.close();
        throw e;
      }
      this.keys = k;
    }

    long entries() throws IOException {
      return keys.size() / 8;
    }

    @EnsuresCalledMethods(
        value = {"this.keys", "this.values"},
        methods = "close")
    private void releaseAll() throws IOException {
      for (Closeable c : List.<Closeable>of(keys, values)) {
        c.close();
      }
    }

    @Override
    public void close() throws IOException {
      releaseAll();
    }
  }

  /** A compression context returned to its pool through recycle(), its @InheritableMustCall method. */
  @InheritableMustCall("recycle")
  static final class CompressionContext {
    private final Inflater inflater = new Inflater();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED); // ok: ended by recycle()

    byte[] roundTrip(byte[] data) throws java.util.zip.DataFormatException {
      deflater.reset();
      deflater.setInput(data);
      deflater.finish();
      byte[] packed = new byte[data.length + 64];
      int n = deflater.deflate(packed);
      inflater.reset();
      inflater.setInput(packed, 0, n);
      byte[] out = new byte[data.length];
      inflater.inflate(out);
      return out;
    }

    void recycle() {
      inflater.end();
      deflater.end();
    }
  }

  /** A health endpoint with a start()/stop() lifecycle: opened lazily, closed by stop(). */
  static final class HealthEndpoint {
    private ServerSocket listener; // ok: opened by start(), closed by stop()

    void start(int port) throws IOException {
      if (listener == null) {
        listener = new ServerSocket(port);
      }
    }

    void stop() throws IOException {
      if (listener != null) {
        listener.close();
        listener = null;
      }
    }
  }

  /** Redraws a chart until halted; not AutoCloseable, but must be halted. */
  @InheritableMustCall("halt")
  static class ChartRefresher {
    private final Timer timer = new Timer("chart", true);

    ChartRefresher(Duration period, Runnable redraw) {
      timer.scheduleAtFixedRate(
          new TimerTask() {
            @Override
            public void run() {
              redraw.run();
            }
          },
          period.toMillis(),
          period.toMillis());
    }

    void halt() {
      timer.cancel();
    }
  }

  /** A live chart whose close() halts the refresher it created. */
  static final class LiveChart implements AutoCloseable {
    private final StringBuilder frame = new StringBuilder();
    private final ChartRefresher refresher = new ChartRefresher(Duration.ofSeconds(1), this::redraw); // ok: halted in close()

    void redraw() {
      frame.append('#');
    }

    @Override
    public void close() {
      refresher.halt();
    }
  }
}
