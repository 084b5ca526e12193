package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Scanner;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.checkerframework.checker.mustcall.qual.MustCall;

/** Lifecycle methods that flush, leave, delete or forget, but do not release what the class opened. */
public class PositiveFieldForgottenReleases {

  /** An outbox batch whose must-call method drain() only flushes. */
  @MustCall("drain")
  static final class OutboxBatch {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Writer out; // leak: drain(), the class's must-call method, flushes but never closes

    OutboxBatch(Path file) throws IOException {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void add(String message) throws IOException {
      out.write(message);
      out.write('\n');
    }

    void drain() throws IOException {
      out.flush();
    }
  }

  /** Routes queries to one tenant database at a time; switching tenants drops the old connection. */
  static final class TenantRouter implements AutoCloseable {
    private Connection conn;

    TenantRouter(String url) throws SQLException {
      this.conn = DriverManager.getConnection(url);
    }

    void switchTenant(String url) throws SQLException {
      conn.commit();
      // BUG: Diagnostic contains: [UnclosedResourceField]
      conn = DriverManager.getConnection(url); // leak: the previous tenant's connection is never closed
    }

    int count(String table) throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }

    @Override
    public void close() throws SQLException {
      conn.close();
    }
  }

  /** A reactor that rebuilds its selector (the epoll spin workaround) and forgets the old one. */
  static final class NioReactor implements Closeable {
    private Selector selector = Selector.open();

    NioReactor() throws IOException {}

    int poll(long timeoutMillis) throws IOException {
      return selector.select(timeoutMillis);
    }

    void rebuildSelector() throws IOException {
      Selector fresh = Selector.open(); // ok: closed if re-registering fails, otherwise stored in the field
      try {
        for (SelectionKey key : selector.keys()) {
          if (key.isValid()) {
            key.channel().register(fresh, key.interestOps(), key.attachment());
          }
        }
      } catch (IOException e) {
        fresh.close();
        throw e;
      }
      // BUG: Diagnostic contains: [UnclosedResourceField]
      selector = fresh; // leak: the broken selector is replaced but never closed
    }

    @Override
    public void close() throws IOException {
      selector.close();
    }
  }

  /** An installed plugin archive; cleanup() deletes the unpacked copy but leaves the jar open. */
  static final class PluginArchive {
    private final Path unpackedDir;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final JarFile jar; // leak: cleanup() never closes the jar

    PluginArchive(File file, Path unpackedDir) throws IOException {
      this.unpackedDir = unpackedDir;
      this.jar = new JarFile(file);
    }

    String mainClass() throws IOException {
      Manifest m = jar.getManifest();
      return m == null ? null : m.getMainAttributes().getValue("Main-Class");
    }

    void cleanup() throws IOException {
      Files.deleteIfExists(unpackedDir);
    }
  }

  /** Hands out inbox messages one at a time from a directory listing that is never closed. */
  static final class InboxScanner {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final DirectoryStream<Path> entries; // leak: the directory stream stays open, no lifecycle method
    private final Iterator<Path> it;

    InboxScanner(Path inbox) throws IOException {
      this.entries = Files.newDirectoryStream(inbox, "*.msg");
      this.it = entries.iterator();
    }

    Path nextMessage() {
      return it.hasNext() ? it.next() : null;
    }
  }

  /** Loads plugin classes; the class loader keeps the plugin jars open. */
  static final class PluginLoader {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final URLClassLoader loader; // leak: never closed, the class has no lifecycle method

    PluginLoader(Path pluginJar) throws IOException {
      URL url = pluginJar.toUri().toURL();
      this.loader = new URLClassLoader(new URL[] {url}, PluginLoader.class.getClassLoader());
    }

    Class<?> load(String name) throws ClassNotFoundException {
      return loader.loadClass(name);
    }
  }

  /** A CSV test fixture whose tearDown() drops the scanner without closing it. */
  static final class CsvRowsFixture {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Scanner rows; // leak: tearDown() sets it to null without closing it

    void setUp() throws IOException {
      rows = new Scanner(Path.of("src/test/resources/rows.csv"), StandardCharsets.UTF_8);
    }

    String nextRow() {
      return rows.hasNextLine() ? rows.nextLine() : null;
    }

    void tearDown() {
      rows = null;
    }
  }

  /** Cluster discovery over multicast; stop() leaves the group but keeps the socket open. */
  static final class ClusterDiscovery {
    private final InetSocketAddress group;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final MulticastSocket socket; // leak: stop() leaves the group but never closes the socket

    ClusterDiscovery(InetAddress groupAddress, int port) throws IOException {
      this.group = new InetSocketAddress(groupAddress, port);
      this.socket = new MulticastSocket(port);
    }

    void start() throws IOException {
      socket.joinGroup(group, null);
    }

    void stop() throws IOException {
      socket.leaveGroup(group, null);
    }
  }

  /** Records a trace between start() and stop(); stop() only flushes the file. */
  static final class TraceRecorder {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private PrintStream trace; // leak: stop() flushes but never closes the trace file

    void start(Path file) throws IOException {
      trace = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8);
    }

    void record(String event) {
      trace.println(event);
    }

    void stop() {
      trace.flush();
    }
  }

  /** Bundles reports into a zip; finish() completes the archive, which does not close the file. */
  static final class ReportBundle {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final ZipOutputStream zip; // leak: ZipOutputStream.finish() does not close the underlying file

    ReportBundle(Path target) throws IOException {
      this.zip = new ZipOutputStream(Files.newOutputStream(target));
    }

    void add(String name, byte[] content) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }

    void finish() throws IOException {
      zip.finish();
    }
  }
}
