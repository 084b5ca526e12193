package testdata.unclosedresourcefield;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Classes with no close(), stop() or other method that the model knows to end an object's life,
 * which still close their fields in a method of their own: a one-shot job closes its streams in
 * its run method's finally, a context listener in its own callback. Whether that method is always
 * called is a protocol one class cannot show to be wrong.
 */
class NegativeOwnProtocol {

  /** Copies an archive once; the run method opens and closes everything. */
  static class CopyJob {
    private InputStream in;
    private OutputStream out;

    void execute(Path from, Path to) throws IOException {
      try {
        in = Files.newInputStream(from);
        out = new FileOutputStream(to.toFile());
        in.transferTo(out);
      } finally {
        if (in != null) {
          in.close();
        }
        if (out != null) {
          out.close();
        }
      }
    }
  }

  /** A listener the container calls back when the application goes away. */
  static class ContextListener {
    private final OutputStream log;

    ContextListener(Path file) throws IOException {
      this.log = Files.newOutputStream(file);
    }

    void contextDestroyed() throws IOException {
      log.close();
    }
  }

  /** Tails a log file; its shutdown method takes a grace period, so it is no lifecycle method. */
  static final class LogTailer {
    private final RandomAccessFile file; // ok: shutdown(Duration) closes it

    LogTailer(File log) throws IOException {
      this.file = new RandomAccessFile(log, "r");
    }

    String nextLine() throws IOException {
      return file.readLine();
    }

    void shutdown(Duration grace) throws IOException, InterruptedException {
      Thread.sleep(grace.toMillis());
      file.close();
    }
  }

  /** Writes a CSV export; flushAndClose() is not a lifecycle name, but it closes the writer. */
  static final class CsvExport {
    private final PrintWriter out; // ok: flushAndClose() closes it

    CsvExport(File target) throws IOException {
      this.out = new PrintWriter(new FileWriter(target, StandardCharsets.UTF_8));
    }

    void row(String... cells) {
      out.println(String.join(",", cells));
    }

    void flushAndClose() {
      out.flush();
      out.close();
    }
  }

  /** A command-line SQL tool: its run method closes the connection, and with it the statement. */
  static final class SqlShell {
    private Connection conn;
    private Statement stat; // ok: closing the connection closes its statements (JDBC)

    void run(String url, List<String> script) throws SQLException {
      conn = DriverManager.getConnection(url);
      stat = conn.createStatement();
      try {
        for (String sql : script) {
          stat.execute(sql);
        }
      } finally {
        conn.close();
      }
    }
  }
}
