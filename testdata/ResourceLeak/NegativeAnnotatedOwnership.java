package testdata.resourceleak;

import com.google.errorprone.annotations.MustBeClosed;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FilterInputStream;
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

/** The same annotated document-store API, used correctly. */
public class NegativeAnnotatedOwnership {

  /** A session on the document store; must be closed. */
  interface DocSession extends Closeable {
    List<String> query(String q) throws IOException;
  }

  /** The store's client API. */
  interface DocStore {
    @MustBeClosed
    DocSession openSession() throws IOException;

    @Owning
    DocSession openAdminSession() throws IOException;

    @NotOwning
    DocSession sharedSession();

    void archive(@Owning InputStream blob) throws IOException;
  }

  /** Content codecs whose decoding view shares the raw stream's obligation. */
  interface StreamCodec {
    @MustCallAlias
    InputStream decoding(@MustCallAlias InputStream raw);
  }

  /** Housekeeping helpers implemented elsewhere. */
  interface Janitor {
    @EnsuresCalledMethods(value = "#1", methods = "close")
    void dispose(Closeable resource);
  }

  /** Counts the bytes read through it; closing it closes the wrapped stream. */
  static final class TallyingInputStream extends FilterInputStream {
    private long count;

    @MustCallAlias
    TallyingInputStream(@MustCallAlias InputStream in) {
      super(in);
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
  static final class ReportScratchDir implements AutoCloseable {
    private final Path dir;

    @MustBeClosed
    ReportScratchDir(String prefix) throws IOException {
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

  @MustCallAlias
  static InputStream unbuffered(@MustCallAlias InputStream in) {
    return new FilterInputStream(in) {}; // ok: a @MustCallAlias view of the parameter, no new obligation
  }

  @NotOwning private BufferedReader lastOpened;

  @MustBeClosed
  static BufferedReader openCsv(Path p) throws IOException {
    BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8); // ok: returned by a @MustBeClosed method
    return r;
  }

  @Owning
  static Socket dial(String host, int port) throws IOException {
    return new Socket(host, port); // ok: returned by an @Owning method
  }

  public List<String> findDrafts(DocStore store) throws IOException {
    try (DocSession session = store.openSession()) { // ok: @MustBeClosed result in try-with-resources
      return session.query("status:draft");
    }
  }

  public int purgeExpired(DocStore store) throws IOException {
    DocSession admin = store.openAdminSession(); // ok: @Owning result closed in finally
    try {
      return admin.query("expired:true").size();
    } finally {
      admin.close();
    }
  }

  public List<String> recentFromShared(DocStore store) throws IOException {
    DocSession shared = store.sharedSession(); // ok: @NotOwning result, the store keeps ownership
    return shared.query("modified:today");
  }

  public void archiveFile(DocStore store, Path file) throws IOException {
    InputStream blob = Files.newInputStream(file); // ok: handed to an @Owning parameter, closed here if archive() fails
    try {
      store.archive(blob);
    } catch (IOException | RuntimeException e) {
      blob.close();
      throw e;
    }
  }

  public void stageReport(Path report) throws IOException {
    try (ReportScratchDir scratch = new ReportScratchDir("report")) { // ok: @MustBeClosed constructor result in try-with-resources
      Files.copy(report, scratch.resolve("report.pdf"));
    }
  }

  public String csvHeader(Path file) throws IOException {
    try (BufferedReader r = openCsv(file)) { // ok: @MustBeClosed result in try-with-resources
      return r.readLine();
    }
  }

  public void ping(String host) throws IOException {
    try (Socket s = dial(host, 7)) { // ok: @Owning result in try-with-resources
      s.getOutputStream().write(0);
    }
  }

  public String peekFirstLine(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { // ok: closed here; the @NotOwning field only observes it
      lastOpened = r;
      return r.readLine();
    } finally {
      lastOpened = null;
    }
  }

  public int firstDecodedByte(StreamCodec codec, Path file) throws IOException {
    InputStream raw = Files.newInputStream(file); // ok: closing the @MustCallAlias view closes it
    try (InputStream decoded = codec.decoding(raw)) {
      return decoded.read();
    }
  }

  public int firstByteOf(StreamCodec codec, InputStream callerStream) throws IOException {
    InputStream decoded = codec.decoding(callerStream); // ok: a @MustCallAlias view of the caller's stream, no new obligation
    return decoded.read();
  }

  public long countBytes(File file, OutputStream sink) throws IOException {
    InputStream raw = new FileInputStream(file); // ok: closing the @MustCallAlias wrapper closes it
    try (TallyingInputStream counting = new TallyingInputStream(raw)) {
      counting.transferTo(sink);
      return counting.count();
    }
  }

  public long countCallerBytes(InputStream source, OutputStream sink) throws IOException {
    TallyingInputStream counting = new TallyingInputStream(source); // ok: wraps the caller's stream, no new obligation
    counting.transferTo(sink);
    return counting.count();
  }

  public int readRaw(Path file) throws IOException {
    try (InputStream in = unbuffered(Files.newInputStream(file))) { // ok: the @MustCallAlias result is closed, releasing the stream
      return in.read();
    }
  }

  public void writeMarker(Janitor janitor, Path file) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); // ok: janitor.dispose() ensures close() in finally
    try {
      w.write("in-progress");
    } finally {
      janitor.dispose(w);
    }
  }

  /** Consumers that take ownership of the streams they are given. */
  static final class BlobSink {
    private final DocStore store;
    private long total;

    BlobSink(DocStore store) {
      this.store = store;
    }

    void ingest(
        @Owning InputStream in) throws IOException { // ok: the @Owning parameter is closed by try-with-resources
      try (in) {
        total += in.readAllBytes().length;
      }
    }

    void forward(
        @Owning InputStream in) throws IOException { // ok: the @Owning parameter is handed on to another @Owning parameter
      store.archive(in);
    }

    void drain(
        @Owning InputStream in, OutputStream out) throws IOException { // ok: closed in finally
      try {
        total += in.transferTo(out);
      } finally {
        in.close();
      }
    }

    long total() {
      return total;
    }
  }

  /** An export session whose close() relies on a helper that declares which field it closes. */
  static final class ExportSession implements Closeable {
    private final Writer out; // ok: released by finishOutput(), annotated @EnsuresCalledMethods("this.out")

    ExportSession(Path target) throws IOException {
      this.out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
    }

    void row(String line) throws IOException {
      out.write(line);
      out.write('\n');
    }

    @EnsuresCalledMethods(value = "this.out", methods = "close")
    private void finishOutput() throws IOException {
      for (Closeable c : List.<Closeable>of(out)) {
        c.close();
      }
    }

    @Override
    public void close() throws IOException {
      finishOutput();
    }
  }
}
