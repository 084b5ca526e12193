package testdata.resourceleak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** JDK services of a batch runner (logging, compression, URLs, zip file systems) that leak what they open. */
public class PositiveModelJdkServices {

  public void logStartup(String pattern, String message) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileHandler handler = new FileHandler(pattern, true); // leak: published to but never closed or handed to a logger
    handler.setFormatter(new SimpleFormatter());
    handler.publish(new LogRecord(Level.INFO, message));
    handler.flush();
  }

  public void configureAudit(Logger logger, String pattern, boolean enabled) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileHandler handler = new FileHandler(pattern); // leak: only handed to the logger when auditing is enabled
    handler.setLevel(Level.FINE);
    if (enabled) {
      logger.addHandler(handler);
    }
  }

  public byte[] compress(byte[] input) {
    // BUG: Diagnostic contains: [ResourceLeak]
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION); // leak: end() is never called
    deflater.setInput(input);
    deflater.finish();
    byte[] out = new byte[input.length + 64];
    int n = deflater.deflate(out);
    return java.util.Arrays.copyOf(out, n);
  }

  public byte[] decompress(byte[] packed, int originalLength) throws DataFormatException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Inflater inflater = new Inflater(); // leak: inflate() can throw DataFormatException before end()
    inflater.setInput(packed);
    byte[] out = new byte[originalLength];
    inflater.inflate(out);
    inflater.end();
    return out;
  }

  public String fetchStatus(URL endpoint) throws IOException {
    URLConnection conn = endpoint.openConnection();
    conn.setConnectTimeout(2_000);
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = conn.getInputStream(); // leak: the response stream is never closed
    return new String(in.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8);
  }

  public Properties defaults() throws IOException {
    Properties props = new Properties();
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = PositiveModelJdkServices.class.getResourceAsStream("/batch-defaults.properties"); // leak: loaded but never closed
    if (in != null) {
      props.load(in);
    }
    return props;
  }

  public long entryCount(Path jar) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileSystem zipfs = FileSystems.newFileSystem(jar, Map.of()); // leak: the zip file system is never closed
    try (var entries = Files.walk(zipfs.getPath("/"))) {
      return entries.count();
    }
  }

  public boolean waitForDrop(Path inbox, long seconds) throws IOException, InterruptedException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    WatchService ws = inbox.getFileSystem().newWatchService(); // leak: register() and poll() can throw before close()
    inbox.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
    WatchKey key = ws.poll(seconds, TimeUnit.SECONDS);
    ws.close();
    return key != null;
  }
}
