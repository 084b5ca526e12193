package testdata.unclosedresourcefield;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Formatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Services that keep files, sockets and connections in fields and never (or only sometimes) release them. */
public class PositiveFieldLifecycles {

  /** Appends user actions to a journal; nobody ever closes it. */
  static final class UserActionJournal {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final BufferedWriter out; // leak: opened in the constructor, the class has no lifecycle method

    UserActionJournal(Path file) throws IOException {
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void record(String user, String action) throws IOException {
      out.write(Instant.now() + " " + user + " " + action);
      out.newLine();
      out.flush();
    }
  }

  /** A tiny JDBC pool: close() drains the idle connections but forgets the admin connection. */
  static final class SimpleConnectionPool implements AutoCloseable {
    private final String url;
    private final Deque<Connection> idle = new ArrayDeque<>();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Connection admin; // leak: close() only drains the idle connections

    SimpleConnectionPool(String url) throws SQLException {
      this.url = url;
      this.admin = DriverManager.getConnection(url);
    }

    Connection borrow() throws SQLException {
      Connection pooled = idle.poll();
      return pooled != null ? pooled : DriverManager.getConnection(url);
    }

    void giveBack(Connection c) {
      idle.push(c);
    }

    int activeSessions() throws SQLException {
      try (Statement st = admin.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sessions")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }

    @Override
    public void close() throws SQLException {
      while (!idle.isEmpty()) {
        idle.pop().close();
      }
    }
  }

  /** Pushes metrics over TCP and spools them to disk while the collector is unreachable. */
  static final class MetricsExporter implements Closeable {
    private final Path spoolFile;
    private final Socket collector;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private OutputStream spool; // leak: close() closes the socket but never the spool file

    MetricsExporter(Path spoolFile, String host, int port) throws IOException {
      this.spoolFile = spoolFile;
      this.collector = new Socket(host, port);
    }

    void push(String line) throws IOException {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      try {
        collector.getOutputStream().write(bytes);
      } catch (IOException unreachable) {
        if (spool == null) {
          spool = Files.newOutputStream(spoolFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        spool.write(bytes);
      }
    }

    @Override
    public void close() throws IOException {
      collector.close();
    }
  }

  /** Watches configuration files; stop() only flips a flag. */
  static final class ConfigWatcher {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final WatchService watcher; // leak: stop() never closes the watch service
    private volatile boolean running = true;

    ConfigWatcher() throws IOException {
      this.watcher = FileSystems.getDefault().newWatchService();
    }

    void watch(Path dir) throws IOException {
      dir.register(watcher, java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
    }

    void pollLoop(Consumer<Path> onChange) throws InterruptedException {
      while (running) {
        WatchKey key = watcher.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          onChange.accept((Path) event.context());
        }
        key.reset();
      }
    }

    void stop() {
      running = false;
    }
  }

  /** Caches thumbnails in one data file; close() releases it only when something was written. */
  static final class ThumbnailCache implements Closeable {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final FileChannel data; // leak: close() closes it only when the cache is dirty
    private boolean dirty;

    ThumbnailCache(Path file) throws IOException {
      this.data =
          FileChannel.open(
              file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    }

    void put(long offset, ByteBuffer thumbnail) throws IOException {
      data.write(thumbnail, offset);
      dirty = true;
    }

    @Override
    public void close() throws IOException {
      if (dirty) {
        data.force(true);
        data.close();
      }
    }
  }

  /** A mail client: close() delegates to a helper that hangs up but forgets the transcript. */
  static final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Writer transcript; // leak: the helper close() delegates to never closes it

    SmtpClient(String host) throws IOException {
      this.socket = new Socket(host, 25);
    }

    void enableTranscript(Path file) throws IOException {
      transcript = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void send(String command) throws IOException {
      socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      if (transcript != null) {
        transcript.write(command);
        transcript.write('\n');
      }
    }

    @Override
    public void close() throws IOException {
      hangUp();
    }

    private void hangUp() throws IOException {
      socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.close();
    }
  }

  /** Accepts a single replication peer and keeps the connection; nothing ever closes it. */
  static final class ReplicationPeerLink {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Socket peer; // leak: accepted by the class itself, and it has no lifecycle method

    void awaitPeer(ServerSocket listener) throws IOException {
      peer = listener.accept();
    }

    void ship(byte[] segment) throws IOException {
      peer.getOutputStream().write(segment);
    }
  }

  /** Serves words from a dictionary file through a lazily consumed line stream. */
  static final class DictionaryStream {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Stream<String> lines; // leak: the file-backed stream is never closed

    DictionaryStream(Path dictionary) throws IOException {
      this.lines = Files.lines(dictionary, StandardCharsets.UTF_8);
    }

    List<String> startingWith(String prefix) {
      return lines.filter(w -> w.startsWith(prefix)).limit(20).collect(Collectors.toList());
    }
  }

  /** Serializes checkpoints; finish() writes the trailer but does not close the stream. */
  static final class CheckpointWriter {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private DataOutputStream out; // leak: finish() only writes the trailer, no lifecycle method closes it

    void begin(File target) throws IOException {
      out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(target)));
    }

    void write(String state) throws IOException {
      out.writeUTF(state);
    }

    void finish() throws IOException {
      out.writeUTF("EOF");
      out.flush();
    }
  }

  /** An event loop whose close() cancels the registrations but never closes the selector. */
  static final class EventLoop implements Closeable {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Selector selector = Selector.open(); // leak: close() only cancels keys and wakes it up

    EventLoop() throws IOException {}

    int tick(long timeoutMillis) throws IOException {
      return selector.select(timeoutMillis);
    }

    @Override
    public void close() {
      for (SelectionKey key : selector.keys()) {
        key.cancel();
      }
      selector.wakeup();
    }
  }

  /** Holds a lease file; release() forgets the handle instead of closing it. */
  static final class LeaseFile {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private FileOutputStream handle; // leak: release() drops the reference without closing it

    void acquire(File lease) throws IOException {
      handle = new FileOutputStream(lease);
      handle.write('L');
    }

    void release() {
      handle = null;
    }
  }

  /** Routes log lines to a file opened by a factory of its own; never closed. */
  static final class LogRouter {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Writer sink; // leak: the factory's writer is kept and never released

    LogRouter(File logFile) throws IOException {
      this.sink = openLog(logFile);
    }

    void route(String line) throws IOException {
      sink.write(line);
      sink.write(System.lineSeparator());
    }

    private static Writer openLog(File logFile) throws IOException {
      return new BufferedWriter(new FileWriter(logFile, StandardCharsets.UTF_8, true)); // ok: returned to the caller (factory)
    }
  }

  /** Renders a fixed-width report; dispose() clears the buffer but forgets the formatter's file. */
  static final class FixedWidthReport {
    private final StringBuilder preview = new StringBuilder();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Formatter fmt; // leak: dispose() never closes the formatter

    FixedWidthReport(String fileName) throws IOException {
      this.fmt = new Formatter(fileName, "UTF-8");
    }

    void line(String label, long value) {
      fmt.format("%-30s%12d%n", label, value);
      preview.append(label).append('\n');
    }

    void dispose() {
      preview.setLength(0);
      fmt.flush();
    }
  }

  /** Copies rows between two databases; its run method closes the source, not the target. */
  static final class TableCopier {
    private Connection source;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Connection target; // leak: nothing closes the target connection
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Statement insert; // leak: made from the target, which stays open

    void run(String from, String to) throws SQLException {
      source = DriverManager.getConnection(from);
      target = DriverManager.getConnection(to);
      insert = target.createStatement();
      try (Statement select = source.createStatement();
          ResultSet rows = select.executeQuery("SELECT id FROM items")) {
        while (rows.next()) {
          insert.executeUpdate("INSERT INTO items(id) VALUES (" + rows.getLong(1) + ")");
        }
      } finally {
        source.close();
      }
    }
  }
}
