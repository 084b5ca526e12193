package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A connection and file-handle cache that hands resources over only on some paths. */
public class PositiveConditionalTransfers {

  private final Map<String, FileChannel> channels = new HashMap<>();
  private final List<Socket> pool = new ArrayList<>();
  // BUG: Diagnostic contains: [UnclosedResourceField]
  private Writer journal;

  public Optional<InputStream> openIfLarge(File f, long minBytes) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = new FileInputStream(f); // leak: returned only when large enough
    if (in.available() < minBytes) {
      return Optional.empty();
    }
    return Optional.of(in);
  }

  public void cacheChannel(String key, Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); // leak: not cached when the key is already present
    if (channels.containsKey(key)) {
      return;
    }
    channels.put(key, ch);
  }

  public void addToPool(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket s = new Socket(host, port); // leak: unhealthy sockets are neither pooled nor closed
    if (!s.isConnected() || s.isInputShutdown()) {
      return;
    }
    pool.add(s);
  }

  public void reopenJournal(Path file, boolean enabled) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Writer w = Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND); // leak: stored into the field only when enabled
    if (enabled) {
      journal = w;
    }
  }

  public Connection connectWithRetry(String url, int attempts) throws SQLException {
    Connection c = null;
    for (int i = 0; i < attempts; i++) {
      // BUG: Diagnostic contains: [ResourceLeak]
      c = DriverManager.getConnection(url); // leak: an invalid connection is replaced without closing
      if (c.isValid(1)) {
        return c;
      }
    }
    return c;
  }

  public BufferedReader readerFor(Path primary, Path fallback) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = Files.newBufferedReader(primary); // leak: reassigned to the fallback without closing
    if (!r.ready()) {
      r = Files.newBufferedReader(fallback); // ok: returned to the caller
    }
    return r;
  }

  public InputStream firstReadable(List<File> candidates) throws IOException {
    for (File f : candidates) {
      // BUG: Diagnostic contains: [ResourceLeak]
      InputStream in = new FileInputStream(f); // leak: empty candidates are skipped without closing
      if (in.available() == 0) {
        continue;
      }
      return in;
    }
    return InputStream.nullInputStream();
  }

  public void registerAll(Map<String, Path> files) throws IOException {
    for (Map.Entry<String, Path> e : files.entrySet()) {
      FileChannel ch = FileChannel.open(e.getValue()); // ok: stored into the map field
      FileChannel previous = channels.put(e.getKey(), ch);
      if (previous != null) {
        previous.close();
      }
    }
  }
}
