package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Constructors that store a resource in a field and then fail: the half-built object is never
 * returned, so nobody can call its close() and the resource leaks.
 */
public class PositiveFieldInitLeaks {

  /** Copies between two files that stay open for the lifetime of the copier. */
  static final class StreamingCopier implements Closeable {
    private final InputStream in;
    private final OutputStream out;

    StreamingCopier(Path from, Path to) throws IOException {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      this.in = Files.newInputStream(from); // leak: left open if opening the target throws
      this.out = Files.newOutputStream(to);
    }

    long copy() throws IOException {
      return in.transferTo(out);
    }

    @Override
    public void close() throws IOException {
      try {
        in.close();
      } finally {
        out.close();
      }
    }
  }

  /** A line-protocol client that configures and greets the server in its constructor. */
  static final class GreetingLineClient implements Closeable {
    private final Socket socket;

    GreetingLineClient(String host, int port) throws IOException {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      this.socket = new Socket(host, port); // leak: left open if setting the timeout or the greeting throws
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("HELLO\n".getBytes(StandardCharsets.US_ASCII));
    }

    void send(String line) throws IOException {
      socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** An order DAO that prepares its insert statement up front. */
  static final class OrderInsertDao implements AutoCloseable {
    private final Connection conn;
    private final PreparedStatement insert; // ok: a statement of the connection, released when close() closes the connection

    OrderInsertDao(String url) throws SQLException {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      Connection c = DriverManager.getConnection(url); // leak: left open if preparing the statement throws
      this.conn = c;
      this.insert = c.prepareStatement("INSERT INTO orders(id, total_cents) VALUES (?, ?)");
    }

    void insert(long id, long totalCents) throws SQLException {
      insert.setLong(1, id);
      insert.setLong(2, totalCents);
      insert.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      conn.close();
    }
  }

  /** A fixed-size page file that validates its header when opened. */
  static final class PageFile implements Closeable {
    private static final int MAGIC = 0x50414745;
    private final RandomAccessFile file;
    private final int pageSize;

    PageFile(File f) throws IOException {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      this.file = new RandomAccessFile(f, "rw"); // leak: left open if the header is unreadable or wrong
      int magic = file.readInt();
      if (magic != MAGIC) {
        throw new IOException("not a page file: " + f);
      }
      this.pageSize = file.readInt();
    }

    byte[] page(int n) throws IOException {
      byte[] buf = new byte[pageSize];
      file.seek(8L + (long) n * pageSize);
      file.readFully(buf);
      return buf;
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
