package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Scanner;

/** Loads application configuration from the classpath, the file system and remote endpoints. */
public class PositiveConfigLoading {

  private final Properties defaults = new Properties();

  /** A watcher for the configuration directory. */
  static final class ConfigWatch implements AutoCloseable {
    private final Path dir;

    ConfigWatch(Path dir) {
      this.dir = dir;
    }

    boolean changedSince(long timestamp) {
      return dir.toFile().lastModified() > timestamp;
    }

    @Override
    public void close() {
      // releases the native watch handle in the real implementation
    }
  }

  public Properties loadBundled(String name) throws IOException {
    Properties props = new Properties(defaults);
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = PositiveConfigLoading.class.getResourceAsStream("/config/" + name); // leak: Properties.load does not close it
    if (in != null) {
      props.load(in);
    }
    return props;
  }

  public Properties loadOverrides(File file) throws IOException {
    Properties props = new Properties();
    // BUG: Diagnostic contains: [ResourceLeak]
    props.load(new FileInputStream(file)); // leak: anonymous stream never closed
    return props;
  }

  public Properties loadSystemFile(Path path) throws IOException {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(path)) { // ok: try-with-resources
      props.load(in);
    }
    return props;
  }

  public List<String> readPluginNames(Path listFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader reader = Files.newBufferedReader(listFile, StandardCharsets.UTF_8); // leak: never closed
    List<String> names = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      line = line.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        names.add(line);
      }
    }
    return names;
  }

  public int countHosts(File hostsFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Scanner scanner = new Scanner(hostsFile, StandardCharsets.UTF_8); // leak: Scanner over a file never closed
    int hosts = 0;
    while (scanner.hasNextLine()) {
      if (!scanner.nextLine().isBlank()) {
        hosts++;
      }
    }
    return hosts;
  }

  public String fetchRemoteVersion(URL endpoint) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = new BufferedReader(new InputStreamReader(endpoint.openStream(), StandardCharsets.UTF_8)); // leak: URL stream never closed
    return r.readLine();
  }

  public long remoteConfigSize(URL endpoint) throws IOException {
    URLConnection conn = endpoint.openConnection(); // ok: not a resource (URLConnection is not AutoCloseable)
    conn.setConnectTimeout(5_000);
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream body = conn.getInputStream(); // leak: response stream never closed
    return body.transferTo(OutputStream.nullOutputStream());
  }

  public Class<?> loadPluginClass(URL jar, String className) throws ClassNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeak]
    URLClassLoader loader = new URLClassLoader(new URL[] {jar}, getClass().getClassLoader()); // leak: class loader never closed
    return loader.loadClass(className);
  }

  public boolean isStale(Path configDir, long loadedAt) {
    // BUG: Diagnostic contains: [ResourceLeak]
    ConfigWatch watch = new ConfigWatch(configDir); // leak: user AutoCloseable never closed
    return watch.changedSince(loadedAt);
  }

  public String readBanner() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/banner.txt")) { // ok: try-with-resources (null is allowed)
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
