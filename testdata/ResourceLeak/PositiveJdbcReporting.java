package testdata.resourceleak;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reporting queries for an admin dashboard. */
public class PositiveJdbcReporting {

  record Metric(String name, long value) {}

  private final DataSource dataSource;

  public PositiveJdbcReporting(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Map<String, Long> rowCounts(Connection conn, List<String> tables) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      // BUG: Diagnostic contains: [ResourceLeak]
      Statement st = conn.createStatement(); // leak: one statement per table on the caller's connection, never closed
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) { // ok: try-with-resources
        counts.put(table, rs.next() ? rs.getLong(1) : 0L);
      }
    }
    return counts;
  }

  public List<String> primaryKeys(Connection conn, String table) throws SQLException {
    List<String> keys = new ArrayList<>();
    DatabaseMetaData meta = conn.getMetaData();
    // BUG: Diagnostic contains: [ResourceLeak]
    ResultSet rs = meta.getPrimaryKeys(null, null, table); // leak: metadata result set on the caller's connection never closed
    while (rs.next()) {
      keys.add(rs.getString("COLUMN_NAME"));
    }
    return keys;
  }

  public long activeUsers(String url, String user, String password) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Connection c = DriverManager.getConnection(url, user, password); // leak: closed only when there is a row
    try (Statement st = c.createStatement(); // ok: try-with-resources
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM users WHERE active")) { // ok: try-with-resources
      if (!rs.next()) {
        return 0;
      }
      long n = rs.getLong(1);
      c.close();
      return n;
    }
  }

  public List<Metric> metrics(Connection conn) throws SQLException {
    List<Metric> metrics = new ArrayList<>();
    // BUG: Diagnostic contains: [ResourceLeak]
    PreparedStatement ps = conn.prepareStatement("SELECT name, value FROM metrics WHERE day = CURRENT_DATE"); // leak: statement on the caller's connection never closed
    try (ResultSet rs = ps.executeQuery()) { // ok: try-with-resources
      while (rs.next()) {
        metrics.add(new Metric(rs.getString(1), rs.getLong(2)));
      }
    }
    return metrics;
  }

  public boolean ping() throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Connection c = dataSource.getConnection(); // leak: validity check returns without closing
    return c.isValid(2);
  }

  public int refreshMaterializedViews(List<String> views) throws SQLException {
    int refreshed = 0;
    try (Connection c = dataSource.getConnection()) { // ok: try-with-resources
      for (String view : views) {
        Statement st = c.createStatement(); // ok: released when the owned connection is closed
        st.execute("REFRESH MATERIALIZED VIEW " + view);
        refreshed++;
      }
    }
    return refreshed;
  }

  public long maxOrderId(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) { // ok: try-with-resources
      ResultSet rs = st.executeQuery("SELECT MAX(id) FROM orders"); // ok: released when st is closed
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  public String serverVersion(Connection conn, boolean verbose) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Statement st = conn.createStatement(); // leak: the non-verbose branch returns without closing
    if (!verbose) {
      return conn.getMetaData().getDatabaseProductVersion();
    }
    try (ResultSet rs = st.executeQuery("SELECT version()")) { // ok: try-with-resources
      String v = rs.next() ? rs.getString(1) : "?";
      st.close();
      return v;
    }
  }
}
