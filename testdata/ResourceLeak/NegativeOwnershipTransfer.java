package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** A log sink registry: resources are opened here and handed over to an owner. */
public class NegativeOwnershipTransfer implements Closeable {

  private Writer currentLog;
  private final List<InputStream> openInputs = new ArrayList<>();
  private final Map<String, Writer> writersByTopic = new HashMap<>();
  private final Deque<Closeable> cleanup = new ArrayDeque<>();
  private final ResourceCloser closer = new ResourceCloser();
  private InputStream[] shardStreams = new InputStream[0];

  /** A BufferedReader over a file, owned by its super class. */
  static final class ManifestReader extends BufferedReader {
    ManifestReader(File manifest) throws IOException {
      super(new FileReader(manifest, StandardCharsets.UTF_8)); // ok: passed to super(...)
    }
  }

  /** A print stream that owns the file it writes. */
  static final class RollingLog extends PrintStream {
    RollingLog(String fileName) throws IOException {
      this(new FileOutputStream(fileName, true)); // ok: passed to this(...)
    }

    RollingLog(OutputStream out) {
      super(out, true, StandardCharsets.UTF_8);
    }
  }

  /** Collects closeables and closes them in reverse order, like Guava's Closer. */
  static final class ResourceCloser implements Closeable {
    private final Deque<Closeable> stack = new ArrayDeque<>();

    <C extends Closeable> C register(C c) {
      stack.push(c);
      return c;
    }

    @Override
    public void close() throws IOException {
      while (!stack.isEmpty()) {
        stack.pop().close();
      }
    }
  }

  public InputStream openArchive(Path file) throws IOException {
    return Files.newInputStream(file); // ok: returned to the caller
  }

  public BufferedReader reader(File file) throws IOException {
    return new BufferedReader(new FileReader(file)); // ok: wrapper returned to the caller
  }

  public OutputStream compressedSink(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file); // ok: returned inside a wrapper (closed below if the wrapper fails)
    try {
      return new GZIPOutputStream(raw);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  public Stream<Path> javaSources(Path root) throws IOException {
    return Files.walk(root).filter(p -> p.toString().endsWith(".java")); // ok: returned stream pipeline shares the walk's close
  }

  public void switchLog(Path next) throws IOException {
    if (currentLog != null) {
      currentLog.close();
    }
    currentLog = Files.newBufferedWriter(next); // ok: stored into a field
  }

  public void track(File f) throws IOException {
    openInputs.add(new FileInputStream(f)); // ok: added to a collection field
  }

  public Writer topicWriter(String topic, Path dir) throws IOException {
    Writer w = new FileWriter(dir.resolve(topic + ".log").toFile(), true); // ok: put into a map field
    writersByTopic.put(topic, w);
    return w;
  }

  public void openShards(File[] shards) throws IOException {
    InputStream[] streams = new InputStream[shards.length];
    for (int i = 0; i < shards.length; i++) {
      streams[i] = new FileInputStream(shards[i]); // ok: stored into an array element
    }
    shardStreams = streams;
  }

  public void scheduleCleanup(Path tmp) throws IOException {
    BufferedWriter marker = Files.newBufferedWriter(tmp); // ok: pushed onto the cleanup deque
    cleanup.push(marker);
    marker.write("in-use");
  }

  public Writer registered(Path file) throws IOException {
    return closer.register(Files.newBufferedWriter(file)); // ok: registered with the closer
  }

  public void ingest(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: handed to a same-file helper that closes it
    consumeAndClose(in);
  }

  public void keep(File file) throws IOException {
    FileInputStream in = new FileInputStream(file); // ok: handed to a same-file helper that stores it
    remember(in);
  }

  public void probe(File file) throws IOException {
    InputStream in = null;
    try {
      in = new FileInputStream(file); // ok: closed by closeQuietly in finally
      in.read();
    } finally {
      closeQuietly(in);
    }
  }

  public String loadNotice(File notice) throws IOException {
    InputStream in = loadStream(notice); // ok: from a same-file factory, closed with try-with-resources
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public int lineCount(File file) throws IOException {
    try (BufferedReader r = reader(file)) { // ok: same-file factory result in try-with-resources
      return (int) r.lines().count();
    }
  }

  public void acceptOne(ServerSocket server, List<Socket> clients) throws IOException {
    Socket s = server.accept(); // ok: added to the caller's list
    clients.add(s);
  }

  public Thread closeOnShutdown(Path lockFile) throws IOException {
    OutputStream lock = Files.newOutputStream(lockFile); // ok: closed by the shutdown-hook lambda
    Thread hook = new Thread(() -> closeQuietly(lock));
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private InputStream loadStream(File f) throws IOException {
    return new FileInputStream(f); // ok: returned to the caller (factory)
  }

  private void remember(InputStream in) {
    openInputs.add(in);
  }

  private static void consumeAndClose(InputStream in) throws IOException {
    try {
      in.transferTo(OutputStream.nullOutputStream());
    } finally {
      in.close();
    }
  }

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

  @Override
  public void close() throws IOException {
    closer.close();
    for (InputStream in : openInputs) {
      in.close();
    }
    for (InputStream in : shardStreams) {
      in.close();
    }
    for (Writer w : writersByTopic.values()) {
      w.close();
    }
    while (!cleanup.isEmpty()) {
      cleanup.pop().close();
    }
    if (currentLog != null) {
      currentLog.close();
    }
  }
}
