package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Service start-up and migration code whose error handling cleans up only part of the time. */
public class PositivePartialCleanup {

  private static final Logger LOG = Logger.getLogger(PositivePartialCleanup.class.getName());

  private final DataSource dataSource;

  public PositivePartialCleanup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long copyConfig(File src, File dst) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = new FileInputStream(src); // leak: the catch handles only FileNotFoundException, other IOExceptions skip close
    try {
      OutputStream out = new FileOutputStream(dst); // ok: try-with-resources right after acquisition
      try (out) {
        long n = in.transferTo(out);
        in.close();
        return n;
      }
    } catch (FileNotFoundException e) {
      in.close();
      throw e;
    }
  }

  public int startListener(int port, int backlog) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ServerSocket server = new ServerSocket(); // leak: bind can throw before close
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(port), backlog);
    int bound = server.getLocalPort();
    server.close();
    return bound;
  }

  public int reservePort() throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ServerSocketChannel ch = ServerSocketChannel.open(); // leak: bind can throw before close
    ch.bind(new InetSocketAddress(0));
    int port = ch.socket().getLocalPort();
    ch.close();
    return port;
  }

  public void migrate(List<String> statements) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Connection c = dataSource.getConnection(); // leak: the catch rolls back but does not close
    try (Statement st = c.createStatement()) { // ok: try-with-resources
      for (String sql : statements) {
        st.execute(sql);
      }
      c.commit();
    } catch (SQLException e) {
      LOG.log(Level.SEVERE, "migration failed", e);
      c.rollback();
      throw e;
    }
    c.close();
  }

  public void writeReport(Path target, List<String> lines) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8)); // leak: validation throws before close
    for (String line : lines) {
      if (line.length() > 1_000) {
        throw new IOException("line too long: " + line.substring(0, 20) + "...");
      }
      out.println(line);
    }
    out.close();
  }

  public String firstLine(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedReader r = Files.newBufferedReader(file); // leak: the catch logs and rethrows without closing
    try {
      String line = r.readLine();
      r.close();
      return line;
    } catch (IOException e) {
      LOG.warning("cannot read " + file);
      throw e;
    }
  }

  public void pipe(File src, File dst) throws IOException {
    FileInputStream in = new FileInputStream(src); // ok: closed by the outer finally
    try {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      FileOutputStream out = new FileOutputStream(dst); // leak: transferTo can throw before close, and the finally closes only the input
      in.transferTo(out);
      out.close();
    } finally {
      in.close();
    }
  }
}
