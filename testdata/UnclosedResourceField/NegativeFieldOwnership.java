package testdata.unclosedresourcefield;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.checkerframework.checker.mustcall.qual.MustCall;
import org.checkerframework.checker.mustcall.qual.NotOwning;
import org.checkerframework.checker.mustcall.qual.Owning;

/** Fields that hold resources the class does not own, or that are no resources at all. */
public class NegativeFieldOwnership {

  /** A repository over the caller's connection; the caller closes it. */
  static final class InvoiceRepository {
    private final Connection conn; // ok: received from the caller, not owned

    InvoiceRepository(Connection conn) {
      this.conn = conn;
    }

    int countOpen() throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM invoices WHERE paid = FALSE")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** A report printer whose output target is always supplied by the caller. */
  static final class ReportPrinter {
    private Writer out; // ok: only ever receives parameters

    ReportPrinter(Writer out) {
      this.out = out;
    }

    void redirect(Writer next) {
      this.out = next;
    }

    void print(String line) throws IOException {
      out.write(line);
      out.write('\n');
    }
  }

  /** Encodes frames onto the caller's stream. */
  static final class FrameEncoder {
    private final DataOutputStream out; // ok: wraps the caller's stream, which the caller owns

    FrameEncoder(OutputStream raw) {
      this.out = new DataOutputStream(raw);
    }

    void frame(byte[] payload) throws IOException {
      out.writeInt(payload.length);
      out.write(payload);
    }
  }

  /** Reads answers from the console. */
  static final class ConsolePrompt {
    private final BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)); // ok: a wrapper around System.in is not a resource

    String ask(String question) throws IOException {
      System.out.print(question + " ");
      return stdin.readLine();
    }
  }

  /** Process-wide helpers kept in static fields. */
  static final class SharedNetworking {
    private static final Selector SHARED_SELECTOR = openSelector(); // ok: static fields are never reported
    private static PrintStream trace;

    private SharedNetworking() {}

    private static Selector openSelector() {
      try {
        return Selector.open(); // ok: returned to the static initializer
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static void enableTrace(Path file) throws IOException {
      trace = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8);
    }

    static int readyKeys() throws IOException {
      if (trace != null) {
        trace.println("polling");
      }
      return SHARED_SELECTOR.selectNow();
    }
  }

  /** Remembers the reader being imported for progress reports; the import method closes it. */
  static final class ImportProgress {
    @NotOwning private BufferedReader current; // ok: @NotOwning, never owned
    private long linesRead;

    long importFile(Path file) throws IOException {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { // ok: closed by try-with-resources; the @NotOwning field does not take it
        current = r;
        while (r.readLine() != null) {
          linesRead++;
        }
        return linesRead;
      } finally {
        current = null;
      }
    }

    boolean busy() {
      return current != null;
    }
  }

  /** A response body that owns its stream and closes it. */
  static final class ResponseBody implements Closeable {
    @Owning private final InputStream stream; // ok: @Owning and closed in close()

    ResponseBody(@Owning InputStream stream) {
      this.stream = stream;
    }

    String text() throws IOException {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  /** An output stream that discards everything and holds nothing. */
  @MustCall({})
  static final class DiscardingOutputStream extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    long count() {
      return count;
    }
  }

  /** An exporter in dry-run mode: writes into a sink that is no resource. */
  static final class DryRunExporter {
    private final DiscardingOutputStream sink = new DiscardingOutputStream(); // ok: its class is @MustCall({}), not a resource

    long export(byte[] record) throws IOException {
      sink.write(record);
      return sink.count();
    }
  }
}
