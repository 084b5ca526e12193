package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Scanner;
import javax.sql.DataSource;

/** A legacy backup tool written before try-with-resources, with careful finally blocks. */
public class NegativeNullCheckedFinally {

  private final DataSource dataSource;

  public NegativeNullCheckedFinally(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Properties loadSettings(File file) throws IOException {
    InputStream in = null;
    try {
      in = new FileInputStream(file); // ok: null-checked close in finally
      Properties p = new Properties();
      p.load(in);
      return p;
    } finally {
      if (in != null) {
        in.close();
      }
    }
  }

  public void backup(File src, File dst) throws IOException {
    InputStream in = null;
    OutputStream out = null;
    try {
      in = new FileInputStream(src); // ok: closed in the outer finally
      out = new FileOutputStream(dst); // ok: closed in the nested finally, which runs even if in.close() throws
      in.transferTo(out);
    } finally {
      try {
        if (in != null) {
          in.close();
        }
      } finally {
        if (out != null) {
          out.close();
        }
      }
    }
  }

  public void mirror(Path src, Path dst) throws IOException {
    InputStream in = null;
    OutputStream out = null;
    try {
      in = Files.newInputStream(src); // ok: closed in finally; close failure is caught
      out = Files.newOutputStream(dst); // ok: closed in finally after the guarded first close
      in.transferTo(out);
    } finally {
      try {
        if (in != null) {
          in.close();
        }
      } catch (IOException ignored) {
        // keep going so the output is closed too
      }
      if (out != null) {
        out.close();
      }
    }
  }

  public int countAndLog(File data, File log) throws IOException {
    Scanner sc = null;
    PrintWriter w = null;
    try {
      sc = new Scanner(data, StandardCharsets.UTF_8); // ok: Scanner.close() throws no checked exception, so the second close always runs
      w = new PrintWriter(log, StandardCharsets.UTF_8); // ok: closed after a close that cannot throw checked exceptions
      int n = 0;
      while (sc.hasNextLine()) {
        w.println(sc.nextLine());
        n++;
      }
      return n;
    } finally {
      if (sc != null) {
        sc.close();
      }
      if (w != null) {
        w.close();
      }
    }
  }

  public String lookup(long id) throws SQLException {
    Connection c = null;
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      c = dataSource.getConnection(); // ok: closed in the innermost finally
      ps = c.prepareStatement("SELECT name FROM backup_set WHERE id = ?"); // ok: closed in the nested finally
      ps.setLong(1, id);
      rs = ps.executeQuery(); // ok: closed first in the finally chain
      return rs.next() ? rs.getString(1) : null;
    } finally {
      try {
        if (rs != null) {
          rs.close();
        }
      } finally {
        try {
          if (ps != null) {
            ps.close();
          }
        } finally {
          if (c != null) {
            c.close();
          }
        }
      }
    }
  }

  public String readLastLine(File file) throws IOException {
    BufferedReader reader = null;
    try {
      reader = new BufferedReader(new FileReader(file)); // ok: null-checked close in finally
      String last = null;
      for (String line; (line = reader.readLine()) != null; ) {
        last = line;
      }
      return last;
    } finally {
      if (reader != null) {
        reader.close();
      }
    }
  }

  public void patch(File file, long offset, byte[] bytes) throws IOException {
    RandomAccessFile raf = new RandomAccessFile(file, "rw"); // ok: try/finally starts right after acquisition
    try {
      raf.seek(offset);
      raf.write(bytes);
    } finally {
      raf.close();
    }
  }

  public void notifyBackupDone(String host, int port, String setName) throws IOException {
    Socket socket = null;
    try {
      socket = new Socket(host, port); // ok: closed in finally
      socket.getOutputStream().write(("DONE " + setName + "\n").getBytes(StandardCharsets.UTF_8));
    } finally {
      if (socket != null) {
        socket.close();
      }
    }
  }

  public void copyWithQuietCloses(File src, File dst) throws IOException {
    FileInputStream in = null;
    FileOutputStream out = null;
    try {
      in = new FileInputStream(src); // ok: closed by closeQuietly in finally
      out = new FileOutputStream(dst); // ok: closed by closeQuietly in finally
      in.transferTo(out);
    } finally {
      closeQuietly(in);
      closeQuietly(out);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing useful to do
      }
    }
  }
}
