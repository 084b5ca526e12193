package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Parallel indexing jobs whose lambdas open files. */
public class PositiveLambdaBodies {

  public Map<Path, Long> sizes(List<Path> files) {
    Map<Path, Long> sizes = new ConcurrentHashMap<>();
    files.parallelStream().forEach(p -> {
      try {
        // BUG: Diagnostic contains: [ResourceLeak]
        FileChannel ch = FileChannel.open(p); // leak: opened inside the lambda, never closed
        sizes.put(p, ch.size());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return sizes;
  }

  public List<String> headers(List<Path> csvFiles) {
    return csvFiles.stream()
        .map(p -> {
          try {
            // BUG: Diagnostic contains: [ResourceLeak]
            return Files.newBufferedReader(p).readLine(); // leak: reader never closed inside map lambda
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        })
        .toList();
  }

  public Future<Integer> countWordsAsync(ExecutorService pool, File document) {
    return pool.submit(() -> {
      // BUG: Diagnostic contains: [ResourceLeak]
      Scanner sc = new Scanner(document); // leak: scanner in the Callable never closed
      int words = 0;
      while (sc.hasNext()) {
        sc.next();
        words++;
      }
      return words;
    });
  }

  public Runnable tailer(Path log) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader reader = Files.newBufferedReader(log); // leak: captured by a lambda that reads but never closes
    return () -> {
      try {
        String line;
        while ((line = reader.readLine()) != null) {
          System.out.println(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  public Function<Path, String> firstLineReader() {
    return p -> {
      try {
        // BUG: Diagnostic contains: [ResourceLeak]
        BufferedReader r = Files.newBufferedReader(p); // leak: closed only when the file has a first line
        String first = r.readLine();
        if (first == null) {
          return "";
        }
        r.close();
        return first;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  public Map<Path, Integer> lineCounts(List<Path> files) {
    Map<Path, Integer> counts = new ConcurrentHashMap<>();
    files.forEach(p -> {
      try (BufferedReader r = Files.newBufferedReader(p)) { // ok: try-with-resources inside the lambda
        counts.put(p, (int) r.lines().count());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return counts;
  }
}
