package testdata.resourceleak;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/** A document service whose callers forget to close what factory methods give them. */
public class PositiveFactoriesAndServices {

  private final Path dataDir;

  public PositiveFactoriesAndServices(Path dataDir) {
    this.dataDir = dataDir;
  }

  public Writer openAuditLog() throws IOException {
    return Files.newBufferedWriter(dataDir.resolve("audit.log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND); // ok: returned to the caller (factory)
  }

  InputStream documentStream(String id) throws IOException {
    return new FileInputStream(dataDir.resolve(id + ".doc").toFile()); // ok: returned to the caller (factory)
  }

  public void audit(String event) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Writer log = openAuditLog(); // leak: factory result written and flushed, never closed
    log.write(event);
    log.write('\n');
    log.flush();
  }

  public int documentSize(String id) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = documentStream(id); // leak: same-file factory result never closed
    return in.readAllBytes().length;
  }

  public boolean waitForUpload(Path inbox, long seconds) throws IOException, InterruptedException {
    // BUG: Diagnostic contains: [ResourceLeak]
    WatchService watcher = FileSystems.getDefault().newWatchService(); // leak: watch service never closed
    inbox.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
    WatchKey key = watcher.poll(seconds, TimeUnit.SECONDS);
    return key != null;
  }

  public int[] imageSize(File imageFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ImageInputStream iis = ImageIO.createImageInputStream(imageFile); // leak: image input stream never closed
    var readers = ImageIO.getImageReaders(iis);
    if (!readers.hasNext()) {
      return null;
    }
    var reader = readers.next();
    reader.setInput(iis);
    return new int[] {reader.getWidth(0), reader.getHeight(0)};
  }

  public long asyncSize(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, StandardOpenOption.READ); // leak: asynchronous channel never closed
    return ch.size();
  }

  public void sendMetric(String host, int port, String metric) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    DatagramChannel ch = DatagramChannel.open(); // leak: datagram channel never closed
    ch.send(java.nio.ByteBuffer.wrap(metric.getBytes(StandardCharsets.UTF_8)), new java.net.InetSocketAddress(host, port));
  }

  public void upload(URL endpoint, byte[] body) throws IOException {
    URLConnection conn = endpoint.openConnection(); // ok: not a resource (URLConnection is not AutoCloseable)
    conn.setDoOutput(true);
    // BUG: Diagnostic contains: [ResourceLeak]
    OutputStream out = conn.getOutputStream(); // leak: request body stream never closed
    out.write(body);
    out.flush();
  }

  public FileChannel createIndex(String name) throws IOException {
    return FileChannel.open(dataDir.resolve(name + ".idx"), StandardOpenOption.CREATE, StandardOpenOption.WRITE); // ok: returned to the caller (factory)
  }

  public void rebuildIndex(String name) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileChannel idx = createIndex(name); // leak: create* factory result truncated but never closed
    idx.truncate(0);
  }

  public void writeNote(String id, String text) throws IOException {
    try (Writer w = openAuditLog(); // ok: factory result in try-with-resources
        BufferedWriter note = Files.newBufferedWriter(dataDir.resolve(id + ".note"))) { // ok: try-with-resources
      note.write(text);
      w.write("note " + id + "\n");
    }
  }

  public byte[] classBytes(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = type.getClassLoader().getResourceAsStream(resource); // leak: class loader resource stream never closed
    return in == null ? null : in.readAllBytes();
  }
}
