package testdata.resourceleak;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Customer DAO with the usual JDBC mistakes. */
public class PositiveDataAccess {

  private final DataSource dataSource;
  private final String jdbcUrl;

  public PositiveDataAccess(DataSource dataSource, String jdbcUrl) {
    this.dataSource = dataSource;
    this.jdbcUrl = jdbcUrl;
  }

  public int countCustomers() throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Connection conn = DriverManager.getConnection(jdbcUrl); // leak: connection never closed
    try (Statement st = conn.createStatement(); // ok: try-with-resources
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM customer")) { // ok: try-with-resources
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  public void deactivate(Connection conn, long customerId) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    PreparedStatement ps = conn.prepareStatement("UPDATE customer SET active = FALSE WHERE id = ?"); // leak: statement on the caller's connection never closed
    ps.setLong(1, customerId);
    ps.executeUpdate();
  }

  public List<String> tableNames(Connection conn, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    DatabaseMetaData meta = conn.getMetaData();
    // BUG: Diagnostic contains: [ResourceLeak]
    ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"}); // leak: metadata result set of the caller's connection never closed
    while (tables.next()) {
      names.add(tables.getString("TABLE_NAME"));
    }
    return names;
  }

  public Optional<String> findEmail(long id) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Connection conn = dataSource.getConnection(); // leak: read-only replica check returns without closing
    if (conn.isReadOnly()) {
      return Optional.empty();
    }
    try {
      try (PreparedStatement ps = conn.prepareStatement("SELECT email FROM customer WHERE id = ?")) { // ok: try-with-resources
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) { // ok: try-with-resources
          return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
      }
    } finally {
      conn.close();
    }
  }

  public void purgeAudit(Connection conn, boolean dryRun) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Statement st = conn.createStatement(); // leak: dry run returns without closing the statement
    if (dryRun) {
      System.out.println("would purge audit rows older than 90 days");
      return;
    }
    try {
      st.executeUpdate("DELETE FROM audit WHERE created < CURRENT_DATE - 90");
    } finally {
      st.close();
    }
  }

  public void touch(long id) throws SQLException {
    try (Connection conn = dataSource.getConnection()) { // ok: try-with-resources
      Statement st = conn.createStatement(); // ok: released when the owned connection is closed
      st.executeUpdate("UPDATE customer SET last_seen = CURRENT_TIMESTAMP WHERE id = " + id);
    }
  }

  public List<Long> overdueIds(Connection conn) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement st = conn.createStatement()) { // ok: try-with-resources
      // BUG: Diagnostic contains: [ResourceLeak]
      Statement audit = conn.createStatement(); // leak: second statement on the caller's connection never closed
      audit.execute("INSERT INTO audit(event) VALUES ('overdue-scan')");
      ResultSet rs = st.executeQuery("SELECT id FROM invoice WHERE due < CURRENT_DATE"); // ok: released when st is closed
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  public void bulkInsert(List<String> emails) throws SQLException {
    for (String email : emails) {
      // BUG: Diagnostic contains: [ResourceLeak]
      Connection conn = DriverManager.getConnection(jdbcUrl); // leak: a new connection per row, never closed
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO customer(email) VALUES (?)")) { // ok: try-with-resources
        ps.setString(1, email);
        ps.executeUpdate();
      }
    }
  }
}
