package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Fields that are replaced safely, and constructors that clean up after themselves when they fail. */
public class NegativeFieldReopening {

  /** A rolling file sink that closes the current file before opening the next one. */
  static final class RollingFileSink implements Closeable {
    private Writer out;

    RollingFileSink(Path first) throws IOException {
      this.out = Files.newBufferedWriter(first, StandardCharsets.UTF_8);
    }

    void roll(Path next) throws IOException {
      out.close();
      out = Files.newBufferedWriter(next, StandardCharsets.UTF_8); // ok: the previous writer is closed first
    }

    void write(String line) throws IOException {
      out.write(line);
      out.write('\n');
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** A client that drops a broken connection and reconnects on the next send. */
  static final class ReconnectingClient implements Closeable {
    private final String host;
    private final int port;
    private Socket socket;

    ReconnectingClient(String host, int port) throws IOException {
      this.host = host;
      this.port = port;
      this.socket = new Socket(host, port);
    }

    void send(byte[] frame) throws IOException {
      if (socket == null) {
        socket = new Socket(host, port); // ok: only reopened when no socket is held
      }
      try {
        socket.getOutputStream().write(frame);
      } catch (IOException e) {
        socket.close();
        socket = null;
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      if (socket != null) {
        socket.close();
      }
    }
  }

  /** A label printer connection opened by connect() and closed by disconnect(). */
  static final class LabelPrinterConnection {
    private Socket socket;

    void connect(String host) throws IOException {
      socket = new Socket(host, 9100); // ok: a field only methods open is not checked for overwrites
    }

    void print(String zpl) throws IOException {
      socket.getOutputStream().write(zpl.getBytes(StandardCharsets.US_ASCII));
    }

    void disconnect() throws IOException {
      if (socket != null) {
        socket.close();
      }
    }
  }

  /** A copier that closes the source again if the target cannot be opened. */
  static final class SafeStreamingCopier implements Closeable {
    private final InputStream in;
    private final OutputStream out;

    SafeStreamingCopier(Path from, Path to) throws IOException {
      this.in = Files.newInputStream(from); // ok: closed in the catch block if opening the target fails
      try {
        this.out = Files.newOutputStream(to);
      } catch (IOException e) {
        try {
          in.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
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

  /** A line client that calls its own close() when the handshake fails. */
  static final class SafeGreetingClient implements Closeable {
    private final Socket socket;

    SafeGreetingClient(String host, int port) throws IOException {
      this.socket = new Socket(host, port); // ok: this.close() in the catch block releases it if the handshake fails
      try {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("HELLO\n".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** A DAO that closes its connection when preparing the statement fails. */
  static final class SafeOrderInsertDao implements AutoCloseable {
    private final Connection conn;
    private final PreparedStatement insert; // ok: a statement of the connection, released when close() closes the connection

    SafeOrderInsertDao(String url) throws SQLException {
      this.conn = DriverManager.getConnection(url); // ok: closed in the catch block if prepareStatement throws
      try {
        this.insert = conn.prepareStatement("INSERT INTO orders(id, total_cents) VALUES (?, ?)");
      } catch (SQLException e) {
        conn.close();
        throw e;
      }
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
}
