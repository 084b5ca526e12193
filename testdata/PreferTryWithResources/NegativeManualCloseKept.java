package testdata.prefertrywithresources;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A config and port helper whose hand-written closes stay: each finally does something that
 * try-with-resources would not do the same way, or the resource is not closed in a finally at all.
 */
public class NegativeManualCloseKept implements Closeable {
  private InputStream current;

  /** The socket is returned closed: the caller only reads the port it was bound to. */
  public ServerSocket reservePort() throws IOException {
    ServerSocket server = new ServerSocket(0); // ok: closed in the finally
    try {
      server.setReuseAddress(true);
      return server;
    } finally {
      server.close();
    }
  }

  /** The socket is still used after the finally closed it. */
  public int freePort() throws IOException {
    ServerSocket server = new ServerSocket(0); // ok: closed in the finally
    try {
      server.setReuseAddress(true);
    } finally {
      server.close();
    }
    return server.getLocalPort();
  }

  /** The reader is reassigned in the try: try-with-resources variables are final. */
  public String firstSetting(Path config) throws IOException {
    BufferedReader r = Files.newBufferedReader(config); // ok: closed in the finally
    try {
      String first = r.readLine();
      if (first != null && first.startsWith("@include ")) {
        r.close();
        r = Files.newBufferedReader(config.resolveSibling(first.substring(9))); // ok: replaces the closed reader, closed in the finally
        first = r.readLine();
      }
      return first;
    } finally {
      r.close();
    }
  }

  /** A failing close is ignored; try-with-resources would throw it. */
  public Properties loadOptional(Path file) throws IOException {
    Properties props = new Properties();
    InputStream in = null;
    try {
      in = Files.newInputStream(file); // ok: closed quietly in the finally
      props.load(in);
    } finally {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // nothing was written, a failed close loses nothing
        }
      }
    }
    return props;
  }

  /** A helper closes it; try-with-resources would not swallow the exception as it does. */
  public long sizeOf(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: closed by the helper in the finally
    try {
      return in.transferTo(OutputStream.nullOutputStream());
    } finally {
      closeQuietly(in);
    }
  }

  /** The stream is published in a field while it is read, and cleared before it is closed. */
  public void readTracked(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: closed in the finally
    try {
      current = in;
      in.transferTo(OutputStream.nullOutputStream());
    } finally {
      current = null;
      in.close();
    }
  }

  /** Closed on both paths, but not in a finally. */
  public int firstByte(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: closed in the catch and after the read
    int b;
    try {
      b = in.read();
    } catch (IOException e) {
      in.close();
      throw e;
    }
    in.close();
    return b;
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
