package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/** A log search service built on streams and lambdas. */
public class NegativeLambdaAndStreams {

  private final Map<String, Writer> topicWriters = new ConcurrentHashMap<>();
  private final ExecutorService workers;

  public NegativeLambdaAndStreams(ExecutorService workers) {
    this.workers = workers;
  }

  /** Lines of a file as a lazy stream; closing the stream closes the reader. */
  public Stream<String> lines(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); // ok: closed by the onClose lambda of the returned stream
    return reader.lines().onClose(() -> closeQuietly(reader));
  }

  public Runnable closerFor(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: captured by a method reference that closes it
    Runnable r = () -> closeQuietly(in);
    return r;
  }

  public long countMatches(List<Path> logs, String needle) {
    return logs.stream()
        .flatMap(p -> {
          try {
            return Files.lines(p); // ok: flatMap closes each mapped stream
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })
        .filter(l -> l.contains(needle))
        .count();
  }

  public long countErrors(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) { // ok: try-with-resources
      return lines.filter(l -> l.contains("ERROR")).count();
    }
  }

  public void appendTopic(String topic, Path dir, String message) throws IOException {
    Writer w = topicWriters.computeIfAbsent(topic, t -> {
      try {
        return Files.newBufferedWriter(dir.resolve(t + ".log")); // ok: stored into the map by computeIfAbsent
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    w.write(message);
    w.write('\n');
  }

  public void serveForever(ServerSocket server) throws IOException {
    while (!server.isClosed()) {
      Socket client = server.accept(); // ok: closed by the lambda's try (client)
      workers.submit(() -> {
        try (client) {
          client.getOutputStream().write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          System.err.println("client failed: " + e);
        }
      });
    }
  }

  public void acceptOnce(ServerSocket server) throws IOException {
    Socket client = server.accept(); // ok: closed by the lambda through a same-file helper
    workers.submit(() -> handleAndClose(client));
  }

  public Map<Path, Long> sizes(List<Path> files) {
    Map<Path, Long> sizes = new ConcurrentHashMap<>();
    files.forEach(p -> {
      try (InputStream in = Files.newInputStream(p)) { // ok: try-with-resources inside the lambda
        sizes.put(p, in.transferTo(java.io.OutputStream.nullOutputStream()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return sizes;
  }

  public Stream<Path> logFiles(Path dir) throws IOException {
    Stream<Path> listing = Files.list(dir); // ok: returned (as a derived pipeline) to the caller
    return listing.filter(p -> p.toString().endsWith(".log")).sorted();
  }

  public void closeAllOnExit(List<Path> files) throws IOException {
    for (Path p : files) {
      InputStream in = Files.newInputStream(p); // ok: closed by a shutdown hook via method reference
      Runnable closeIt = () -> closeQuietly(in);
      Runtime.getRuntime().addShutdownHook(new Thread(closeIt));
    }
  }

  public Stream<String> concatenated(Path first, Path second) throws IOException {
    Stream<String> a = Files.lines(first); // ok: closed with the concatenated stream (onClose)
    Stream<String> b;
    try {
      b = Files.lines(second); // ok: closed with the concatenated stream (onClose)
    } catch (IOException e) {
      a.close();
      throw e;
    }
    return Stream.concat(a, b).onClose(a::close).onClose(b::close);
  }

  private static void handleAndClose(Socket client) {
    try (client) {
      client.getOutputStream().write("bye\r\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      System.err.println("client failed: " + e);
    }
  }

  static void closeQuietly(Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // best effort
    }
  }
}
