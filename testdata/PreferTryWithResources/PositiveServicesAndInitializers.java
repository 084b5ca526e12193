package testdata.prefertrywithresources;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A reporting service that releases its connections, statements and files by hand in finally
 * blocks: in methods, a constructor, a static initializer and lambda bodies. Nothing leaks; each
 * could be a try-with-resources.
 */
public class PositiveServicesAndInitializers {
  static final Properties DEFAULTS = new Properties();

  static {
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      InputStream in = Files.newInputStream(Path.of("conf", "defaults.properties")); // ok: closed in the finally
      try {
        DEFAULTS.load(in);
      } finally {
        in.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final DataSource dataSource;
  private final List<String> reportNames = new ArrayList<>();

  public PositiveServicesAndInitializers(DataSource dataSource, Path catalog) throws IOException {
    this.dataSource = dataSource;
    // BUG: Diagnostic contains: [PreferTryWithResources]
    BufferedReader r = Files.newBufferedReader(catalog); // ok: closed in the finally
    try {
      String line;
      while ((line = r.readLine()) != null) {
        reportNames.add(line.strip());
      }
    } finally {
      r.close();
    }
  }

  public int countRows(String table) throws SQLException {
    Connection c = null;
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      c = dataSource.getConnection(); // ok: closed in the finally, its statement and result set with it
      PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
      ResultSet rs = ps.executeQuery();
      return rs.next() ? rs.getInt(1) : 0;
    } finally {
      if (c != null) {
        c.close();
      }
    }
  }

  public int archiveOrders(int year) throws SQLException {
    // BUG: Diagnostic contains: [PreferTryWithResources]
    Connection c = dataSource.getConnection(); // ok: closed in the outer finally
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      PreparedStatement ps = c.prepareStatement("UPDATE orders SET archived = 1 WHERE year = ?"); // ok: closed in the inner finally
      try {
        ps.setInt(1, year);
        return ps.executeUpdate();
      } finally {
        ps.close();
      }
    } finally {
      c.close();
    }
  }

  public List<String> customerNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    // BUG: Diagnostic contains: [PreferTryWithResources]
    Statement st = connection.createStatement(); // ok: closed in the finally, its result set with it
    try {
      ResultSet rs = st.executeQuery("SELECT name FROM customer ORDER BY name");
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } finally {
      st.close();
    }
    return names;
  }

  public void appendAuditLater(ExecutorService executor, Path auditLog, String entry) {
    executor.execute(
        () -> {
          try {
            // BUG: Diagnostic contains: [PreferTryWithResources]
            BufferedWriter w = Files.newBufferedWriter(auditLog, StandardOpenOption.APPEND); // ok: closed in the finally
            try {
              w.write(entry);
              w.newLine();
            } finally {
              w.close();
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  final Function<Path, String> firstLine =
      file -> {
        try {
          BufferedReader r = null;
          try {
            // BUG: Diagnostic contains: [PreferTryWithResources]
            r = Files.newBufferedReader(file); // ok: closed in the finally when it was opened
            return r.readLine();
          } finally {
            if (r != null) {
              r.close();
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
}
