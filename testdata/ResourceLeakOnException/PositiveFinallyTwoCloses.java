package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/** Pre-Java-7 style code that closes two resources in one finally block. */
public class PositiveFinallyTwoCloses {

  private final DataSource dataSource;

  public PositiveFinallyTwoCloses(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void copy(Path src, Path dst) throws IOException {
    InputStream in = null;
    OutputStream out = null;
    try {
      in = Files.newInputStream(src); // ok: closed first in the finally
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      out = Files.newOutputStream(dst); // leak: skipped when in.close() throws
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

  public void convert(Path src, Path dst) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedReader reader = Files.newBufferedReader(src, StandardCharsets.ISO_8859_1); // leak: opening the writer can throw before the try
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedWriter writer = Files.newBufferedWriter(dst, StandardCharsets.UTF_8); // leak: skipped when reader.close() throws
    try {
      for (String line; (line = reader.readLine()) != null; ) {
        writer.write(line);
        writer.newLine();
      }
    } finally {
      reader.close();
      writer.close();
    }
  }

  public String lookupName(long id) throws SQLException {
    Connection c = null;
    PreparedStatement ps = null;
    try {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      c = dataSource.getConnection(); // leak: skipped when ps.close() throws
      ps = c.prepareStatement("SELECT name FROM product WHERE id = ?"); // ok: closed first in the finally
      ps.setLong(1, id);
      ResultSet rs = ps.executeQuery(); // ok: released when ps is closed
      return rs.next() ? rs.getString(1) : null;
    } finally {
      if (ps != null) {
        ps.close();
      }
      if (c != null) {
        c.close();
      }
    }
  }

  public void relay(String host, int port, Path payload) throws IOException {
    Socket socket = null;
    InputStream in = null;
    try {
      in = Files.newInputStream(payload); // ok: closed first in the finally
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      socket = new Socket(host, port); // leak: skipped when in.close() throws
      in.transferTo(socket.getOutputStream());
    } finally {
      if (in != null) {
        in.close();
      }
      if (socket != null) {
        socket.close();
      }
    }
  }

  public void repack(Path source, Path target) throws IOException {
    ZipFile zip = null;
    ZipOutputStream out = null;
    try {
      zip = new ZipFile(source.toFile()); // ok: closed first in the finally
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      out = new ZipOutputStream(Files.newOutputStream(target)); // leak: skipped when zip.close() throws
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        out.putNextEntry(new ZipEntry(e.getName()));
        zip.getInputStream(e).transferTo(out); // ok: entry stream released by closing the ZipFile
        out.closeEntry();
      }
    } finally {
      if (zip != null) {
        zip.close();
      }
      if (out != null) {
        out.close();
      }
    }
  }

  public void echoOnce(String host, int port) throws IOException {
    BufferedReader console = new BufferedReader(new InputStreamReader(System.in)); // ok: not a resource (wraps System.in)
    Socket socket = null;
    PrintWriter log = null;
    try {
      socket = new Socket(host, port); // ok: closed first in the finally
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      log = new PrintWriter(Files.newBufferedWriter(Path.of("echo.log"))); // leak: skipped when socket.close() throws
      String line = console.readLine();
      socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      log.println(line);
    } finally {
      if (socket != null) {
        socket.close();
      }
      if (log != null) {
        log.close();
      }
    }
  }
}
