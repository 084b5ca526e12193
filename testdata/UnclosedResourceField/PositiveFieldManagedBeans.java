package testdata.unclosedresourcefield;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.checkerframework.checker.mustcall.qual.InheritableMustCall;
import org.checkerframework.checker.mustcall.qual.Owning;

/**
 * Container-managed beans and test fixtures whose lifecycle methods (by annotation or by
 * {@code @InheritableMustCall}) forget one of the resources they hold.
 */
public class PositiveFieldManagedBeans {

  /** Stand-in for {@code jakarta.annotation.PreDestroy} (not on the corpus classpath); read by simple name. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface PreDestroy {}

  /** Stand-in for JUnit 5's {@code @AfterEach} (not on the corpus classpath); read by simple name. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface AfterEach {}

  /** A managed report cache: the @PreDestroy method closes the index but not the blob file. */
  static final class ManagedReportCache {
    private final Path dir;
    private final FileChannel index; // ok: closed by the @PreDestroy method
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private FileChannel blobs; // leak: the @PreDestroy method forgets it

    ManagedReportCache(Path dir) throws IOException {
      this.dir = dir;
      this.index =
          FileChannel.open(
              dir.resolve("index"),
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.CREATE);
    }

    void store(long slot, ByteBuffer report) throws IOException {
      if (blobs == null) {
        blobs = FileChannel.open(dir.resolve("blobs"), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
      }
      long offset = blobs.size();
      blobs.write(report, offset);
      index.write(ByteBuffer.allocate(8).putLong(0, offset), slot * 8);
    }

    @PreDestroy
    void evictAll() throws IOException {
      index.close();
    }
  }

  /** A database test fixture: the @AfterEach method closes the connection but not the scratch file. */
  static final class LedgerDbFixture {
    private Connection db; // ok: closed by the @AfterEach method
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private Writer scratch; // leak: the @AfterEach method never closes the scratch script

    void createSchema() throws SQLException, IOException {
      db = DriverManager.getConnection("jdbc:h2:mem:ledger");
      scratch = Files.newBufferedWriter(Files.createTempFile("ledger", ".sql"), StandardCharsets.UTF_8);
    }

    void run(String sql) throws SQLException, IOException {
      scratch.write(sql);
      scratch.write(";\n");
      try (Statement st = db.createStatement()) {
        st.execute(sql);
      }
    }

    @AfterEach
    void dropSchema() throws SQLException {
      try (Statement st = db.createStatement()) {
        st.execute("DROP ALL OBJECTS");
      }
      db.close();
    }
  }

  /** An import test fixture that starts a fake upstream server and has no after-method at all. */
  static final class ImportFixture {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private ServerSocket fakeUpstream; // leak: opened by the setup method, no @AfterEach or tearDown closes it

    void startUpstream() throws IOException {
      fakeUpstream = new ServerSocket(0);
    }

    int upstreamPort() {
      return fakeUpstream.getLocalPort();
    }
  }

  /** An upload task that takes ownership of the request body but never closes it. */
  static final class UploadTask {
    // BUG: Diagnostic contains: [UnclosedResourceField]
    @Owning private final InputStream body; // leak: declared @Owning, and the task has no lifecycle method

    UploadTask(@Owning InputStream body) {
      this.body = body;
    }

    long sendTo(OutputStream wire) throws IOException {
      return body.transferTo(wire);
    }
  }

  /** A pooled codec: the pool calls recycle(), which ends the inflater but forgets the deflater. */
  @InheritableMustCall("recycle")
  static final class PooledCodec {
    private final Inflater inflater = new Inflater();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final Deflater deflater = new Deflater(); // leak: recycle() never ends it

    int inflate(byte[] in, byte[] out) throws DataFormatException {
      inflater.reset();
      inflater.setInput(in);
      return inflater.inflate(out);
    }

    int deflate(byte[] in, byte[] out) {
      deflater.reset();
      deflater.setInput(in);
      deflater.finish();
      return deflater.deflate(out);
    }

    void recycle() {
      inflater.end();
    }
  }

  /** Refreshes a dashboard periodically until stopped; not AutoCloseable. */
  @InheritableMustCall("stop")
  static class DashboardTicker {
    private final Timer timer = new Timer("dashboard", true);

    DashboardTicker(Duration period, Runnable refresh) {
      timer.scheduleAtFixedRate(
          new TimerTask() {
            @Override
            public void run() {
              refresh.run();
            }
          },
          0,
          period.toMillis());
    }

    void stop() {
      timer.cancel();
    }
  }

  /** A dashboard session: close() saves the layout but never stops the ticker it started. */
  static final class DashboardSession implements AutoCloseable {
    private final StringBuilder layout = new StringBuilder();
    // BUG: Diagnostic contains: [UnclosedResourceField]
    private final DashboardTicker refresher = new DashboardTicker(Duration.ofSeconds(5), this::redraw); // leak: close() never calls stop()

    void redraw() {
      layout.append('.');
    }

    @Override
    public void close() {
      layout.setLength(0);
    }
  }
}
