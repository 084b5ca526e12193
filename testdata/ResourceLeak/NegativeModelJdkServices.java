package testdata.resourceleak;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
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

/** The same batch-runner JDK services, releasing or handing over everything they open. */
public class NegativeModelJdkServices {

  public void attachFileLog(Logger logger, String pattern) throws IOException {
    FileHandler handler = new FileHandler(pattern, true); // ok: handed over to the logger
    handler.setFormatter(new SimpleFormatter());
    logger.addHandler(handler);
  }

  public void logStartup(String pattern, String message) throws IOException {
    FileHandler handler = new FileHandler(pattern, true); // ok: closed in finally
    try {
      handler.publish(new LogRecord(Level.INFO, message));
    } finally {
      handler.close();
    }
  }

  public byte[] compress(byte[] input) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED); // ok: end() in finally
    try {
      deflater.setInput(input);
      deflater.finish();
      byte[] out = new byte[input.length + 64];
      int n = deflater.deflate(out);
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }

  public byte[] decompress(byte[] packed, int originalLength) throws DataFormatException {
    Inflater inflater = new Inflater(); // ok: end() in finally
    try {
      inflater.setInput(packed);
      byte[] out = new byte[originalLength];
      inflater.inflate(out);
      return out;
    } finally {
      inflater.end();
    }
  }

  public String fetchStatus(URL endpoint) throws IOException {
    URLConnection conn = endpoint.openConnection();
    conn.setReadTimeout(2_000);
    try (InputStream in = conn.getInputStream()) { // ok: try-with-resources
      return new String(in.readNBytes(512), StandardCharsets.UTF_8);
    }
  }

  public Properties defaults() throws IOException {
    Properties props = new Properties();
    try (InputStream in = NegativeModelJdkServices.class.getResourceAsStream("/batch-defaults.properties")) { // ok: try-with-resources (null is fine)
      if (in != null) {
        props.load(in);
      }
    }
    return props;
  }

  public long entryCount(Path jar) throws IOException {
    try (FileSystem zipfs = FileSystems.newFileSystem(jar, Map.of())) { // ok: try-with-resources
      try (var entries = Files.walk(zipfs.getPath("/"))) {
        return entries.count();
      }
    }
  }

  public Path resolveHome(String user) {
    FileSystem fs = FileSystems.getDefault(); // ok: the default file system is not opened here and cannot be closed
    return fs.getPath("/home", user);
  }

  public boolean waitForDrop(Path inbox, long seconds) throws IOException, InterruptedException {
    WatchService ws = FileSystems.getDefault().newWatchService(); // ok: closed in finally
    try {
      inbox.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
      WatchKey key = ws.poll(seconds, TimeUnit.SECONDS);
      return key != null;
    } finally {
      ws.close();
    }
  }
}
