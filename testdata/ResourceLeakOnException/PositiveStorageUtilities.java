package testdata.resourceleakonexception;

import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Storage-engine utilities: index files, plugin loading, change detection. */
public class PositiveStorageUtilities {

  private final DataSource dataSource;

  public PositiveStorageUtilities(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long checksumMapped(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); // leak: map can throw before close
    MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
    long sum = 0;
    while (buf.hasRemaining()) {
      sum += buf.get() & 0xff;
    }
    ch.close();
    return sum;
  }

  public void writeIndex(File target, Map<String, Long> offsets) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(target))); // leak: writeInt/writeUTF can throw before close
    out.writeInt(offsets.size());
    for (Map.Entry<String, Long> e : offsets.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
    out.close();
  }

  public void overwriteHeader(Path file, byte[] header) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.WRITE); // leak: position/write can throw before close
    ch.position(0);
    ch.write(ByteBuffer.wrap(header));
    ch.close();
  }

  public Class<?> loadPlugin(URL jar, String className) throws IOException, ClassNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    URLClassLoader loader = new URLClassLoader(new URL[] {jar}); // leak: ClassNotFoundException skips close
    Class<?> type = loader.loadClass(className);
    String name = type.getName();
    loader.close();
    return Class.forName(name);
  }

  public boolean changedWithin(Path dir, long seconds) throws IOException, InterruptedException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    WatchService ws = FileSystems.getDefault().newWatchService(); // leak: register or poll can throw before close
    dir.register(ws, StandardWatchEventKinds.ENTRY_MODIFY);
    WatchKey key = ws.poll(seconds, TimeUnit.SECONDS);
    ws.close();
    return key != null;
  }

  public long newestModification(Path dir) throws IOException {
    long newest = 0;
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir); // leak: readAttributes can throw before close
    for (Path p : ds) {
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
      newest = Math.max(newest, attrs.lastModifiedTime().toMillis());
    }
    ds.close();
    return newest;
  }

  public void recordSegments(List<String> segments) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Connection c = dataSource.getConnection(); // leak: setAutoCommit can throw before the try
    c.setAutoCommit(false);
    try (c; PreparedStatement ps = c.prepareStatement("INSERT INTO segment(name) VALUES (?)")) { // ok: try-with-resources
      for (String s : segments) {
        ps.setString(1, s);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  public void appendAll(Path log, List<byte[]> records) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND); // leak: the loop's writes can throw before close
    for (byte[] r : records) {
      ch.write(ByteBuffer.wrap(r));
    }
    ch.force(false);
    ch.close();
  }

  public long size(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) { // ok: try-with-resources
      return ch.size();
    }
  }
}
