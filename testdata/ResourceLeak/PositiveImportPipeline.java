package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** A CSV/JSON-lines importer with format detection. */
public class PositiveImportPipeline {

  enum Format { CSV, JSONL, GZIP_CSV, UNKNOWN }

  record Customer(String id, String name, String email) {}

  record ImportResult(int imported, int skipped) {}

  public Format detect(Path file) throws IOException {
    String name = file.getFileName().toString();
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = Files.newInputStream(file); // leak: every arm but UNKNOWN returns without closing
    int first = in.read();
    Format f = switch (name.substring(name.lastIndexOf('.') + 1)) {
      case "csv" -> Format.CSV;
      case "jsonl" -> first == '{' ? Format.JSONL : Format.UNKNOWN;
      case "gz" -> Format.GZIP_CSV;
      default -> Format.UNKNOWN;
    };
    if (f == Format.UNKNOWN) {
      in.close();
    }
    return f;
  }

  public ImportResult importCsv(Path file, List<Customer> sink) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); // leak: a missing header returns early
    String header = reader.readLine();
    if (header == null || !header.startsWith("id,")) {
      return new ImportResult(0, 0);
    }
    int imported = 0;
    int skipped = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      String[] f = line.split(",", -1);
      if (f.length != 3) {
        skipped++;
        continue;
      }
      sink.add(new Customer(f[0], f[1], f[2]));
      imported++;
    }
    reader.close();
    return new ImportResult(imported, skipped);
  }

  public Reader open(Path file, Format format) throws IOException {
    return switch (format) {
      case CSV, JSONL -> Files.newBufferedReader(file); // ok: returned to the caller
      case GZIP_CSV -> gunzipReader(file);
      case UNKNOWN -> throw new IllegalArgumentException("unsupported " + file);
    };
  }

  private static Reader gunzipReader(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file); // ok: returned inside the wrapper, closed if the GZIP header is invalid
    try {
      return new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  public int countRecords(Path file) throws IOException {
    Format format = file.toString().endsWith(".gz") ? Format.GZIP_CSV : Format.CSV;
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = new BufferedReader(open(file, format)); // leak: the reader from the same-file factory is never closed
    return (int) r.lines().count();
  }

  public Optional<Customer> findById(Path file, String id) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Stream<String> lines = Files.lines(file); // leak: findFirst does not close the stream
    return lines.skip(1)
        .map(l -> l.split(","))
        .filter(f -> f[0].equals(id))
        .map(f -> new Customer(f[0], f[1], f[2]))
        .findFirst();
  }

  public Map<Format, Integer> survey(List<Path> files) throws IOException {
    Map<Format, Integer> counts = new java.util.EnumMap<>(Format.class);
    for (Path p : files) {
      Format f = p.toString().endsWith(".jsonl") ? Format.JSONL : Format.CSV;
      try (Stream<String> s = Files.lines(p)) { // ok: try-with-resources
        counts.merge(f, (int) s.count(), Integer::sum);
      }
    }
    return counts;
  }

  public List<String> previews(List<Path> files, int maxFiles) throws IOException {
    List<String> previews = new ArrayList<>();
    int seen = 0;
    for (Path p : files) {
      // BUG: Diagnostic contains: [ResourceLeak]
      BufferedReader r = Files.newBufferedReader(p); // leak: break after maxFiles leaves the last reader open
      previews.add(r.readLine());
      if (++seen == maxFiles) {
        break;
      }
      r.close();
    }
    return previews;
  }
}
