package testdata.resourceleak;

import com.google.errorprone.annotations.MustBeClosed;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.checkerframework.checker.calledmethods.qual.EnsuresCalledMethods;
import org.checkerframework.checker.mustcall.qual.MustCallAlias;
import org.checkerframework.checker.mustcall.qual.NotOwning;
import org.checkerframework.checker.mustcall.qual.Owning;

/** A document-store client whose API states ownership with annotations, and callers that get it wrong. */
public class PositiveAnnotatedOwnership {

  /** A session on the document store; must be closed. */
  interface LeakyDocSession extends Closeable {
    List<String> query(String q) throws IOException;
  }

  /** The store's client API. */
  interface LeakyDocStore {
    @MustBeClosed
    LeakyDocSession openSession() throws IOException;

    @Owning
    LeakyDocSession openAdminSession() throws IOException;

    @NotOwning
    LeakyDocSession sharedSession();

    void archive(@Owning InputStream blob) throws IOException;
  }

  /** Content codecs whose decoding view shares the raw stream's obligation. */
  interface LeakyStreamCodec {
    @MustCallAlias
    InputStream decoding(@MustCallAlias InputStream raw);
  }

  /** Housekeeping helpers implemented elsewhere. */
  interface LeakyJanitor {
    @EnsuresCalledMethods(value = "#1", methods = "flush")
    void flushQuietly(Flushable target);
  }

  /** Counts the bytes read through it; closing it closes the wrapped stream. */
  static final class ByteCountingStream extends FilterInputStream {
    private long count;

    @MustCallAlias
    ByteCountingStream(@MustCallAlias InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }

  /** A scratch directory deleted on close. */
  static final class ImportScratchDir implements AutoCloseable {
    private final Path dir;

    @MustBeClosed
    ImportScratchDir(String prefix) throws IOException {
      this.dir = Files.createTempDirectory(prefix);
    }

    Path resolve(String name) {
      return dir.resolve(name);
    }

    @Override
    public void close() throws IOException {
      Files.deleteIfExists(dir);
    }
  }

  @NotOwning private BufferedReader lastOpened;

  @MustBeClosed
  static BufferedReader openCsv(Path p) throws IOException {
    return Files.newBufferedReader(p, StandardCharsets.UTF_8); // ok: a @MustBeClosed method returns its resource
  }

  @Owning
  static Socket dialSecure(String host) throws IOException {
    return new Socket(host, 443); // ok: an @Owning method returns its resource
  }

  public List<String> findDrafts(LeakyDocStore store) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    LeakyDocSession session = store.openSession(); // leak: @MustBeClosed result never closed
    return session.query("status:draft");
  }

  public int purgeExpired(LeakyDocStore store) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    LeakyDocSession admin = store.openAdminSession(); // leak: @Owning result not closed on the early return
    List<String> expired = admin.query("expired:true");
    if (expired.isEmpty()) {
      return 0;
    }
    admin.close();
    return expired.size();
  }

  public String csvHeader(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = openCsv(file); // leak: the caller owns the @MustBeClosed result and never closes it
    return r.readLine();
  }

  public void stageImport(Path archive) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ImportScratchDir scratch = new ImportScratchDir("import"); // leak: the copy can throw before close()
    Files.copy(archive, scratch.resolve("payload.zip"));
    scratch.close();
  }

  public void ping(String host) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Socket s = dialSecure(host); // leak: the @Owning result is never closed
    s.getOutputStream().write(0);
  }

  public void archiveFile(LeakyDocStore store, Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream blob = Files.newInputStream(file); // leak: Files.size() can throw before the stream is handed over
    if (Files.size(file) == 0) {
      System.err.println("archiving empty file " + file);
    }
    store.archive(blob);
  }

  public void archiveDirectly(LeakyDocStore store, Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream blob = Files.newInputStream(file); // leak: if archive() throws, the caller still owns the stream
    store.archive(blob);
  }

  public String peekFirstLine(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); // leak: storing into a @NotOwning field does not hand it over
    lastOpened = r;
    return r.readLine();
  }

  public int firstDecodedByte(LeakyStreamCodec codec, Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream raw = Files.newInputStream(file); // leak: neither the raw stream nor its @MustCallAlias view is closed
    InputStream decoded = codec.decoding(raw);
    return decoded.read();
  }

  public long countBytes(File file, OutputStream sink) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream raw = new FileInputStream(file); // leak: the @MustCallAlias wrapper is never closed, so neither is the file
    ByteCountingStream counting = new ByteCountingStream(raw);
    counting.transferTo(sink);
    return counting.count();
  }

  public void writeMarker(LeakyJanitor janitor, Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); // leak: the helper only ensures flush(), not close()
    w.write("in-progress");
    janitor.flushQuietly(w);
  }

  /** Consumers that take ownership of the streams they are given. */
  static final class LeakyBlobSink {
    private long total;

    void ingest(
        // BUG: Diagnostic contains: [ResourceLeak]
        @Owning InputStream in) throws IOException { // leak: the @Owning parameter is not closed on the early return
      byte[] data = in.readAllBytes();
      if (data.length == 0) {
        return;
      }
      total += data.length;
      in.close();
    }

    void forward(
        @Owning InputStream in, OutputStream out) throws IOException { // ok: if transferTo() throws, the caller still owns the stream
      total += in.transferTo(out);
      in.close();
    }

    long total() {
      return total;
    }
  }

  /** A snapshot export whose close() relies on a helper that only ensures flush() on the data file. */
  static final class SnapshotExport implements Closeable {
    private final Path dir;
    private Writer index;
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Writer data; // leak: the @EnsuresCalledMethods helper close() calls only ensures flush()

    SnapshotExport(Path dir) throws IOException {
      this.dir = dir;
      this.data = Files.newBufferedWriter(dir.resolve("data.jsonl"), StandardCharsets.UTF_8);
    }

    void add(String key, String json) throws IOException {
      if (index == null) {
        index = Files.newBufferedWriter(dir.resolve("index.txt"), StandardCharsets.UTF_8);
      }
      index.write(key);
      index.write('\n');
      data.write(json);
      data.write('\n');
    }

    @EnsuresCalledMethods(value = "this.data", methods = "flush")
    private void flushData() throws IOException {
      for (Flushable f : List.<Flushable>of(data)) {
        f.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (index != null) {
        index.close();
      }
      flushData();
    }
  }
}
