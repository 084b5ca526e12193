package testdata.resourceleakonexception;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** An invoicing DAO that closes connections on success only. */
public class PositiveJdbcWithoutFinally {

  record Invoice(long id, String customer, BigDecimal amount) {}

  private final DataSource dataSource;
  private final String url;

  public PositiveJdbcWithoutFinally(DataSource dataSource, String url) {
    this.dataSource = dataSource;
    this.url = url;
  }

  public void insert(Invoice inv) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Connection c = dataSource.getConnection(); // leak: executeUpdate or commit can throw before close
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO invoice(id, customer, amount) VALUES (?, ?, ?)")) { // ok: try-with-resources
      ps.setLong(1, inv.id());
      ps.setString(2, inv.customer());
      ps.setBigDecimal(3, inv.amount());
      ps.executeUpdate();
    }
    c.commit();
    c.close();
  }

  public int archive(Connection conn, LocalDate before) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PreparedStatement ps = conn.prepareStatement("DELETE FROM invoice WHERE issued < ?"); // leak: statement on the caller's connection, executeUpdate can throw
    ps.setObject(1, before);
    int n = ps.executeUpdate();
    ps.close();
    return n;
  }

  public List<Invoice> unpaid() throws SQLException {
    List<Invoice> result = new ArrayList<>();
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Connection c = DriverManager.getConnection(url); // leak: query failures skip close
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Statement st = c.createStatement(); // leak: released only with the connection, which a failure skips
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ResultSet rs = st.executeQuery("SELECT id, customer, amount FROM invoice WHERE paid = FALSE"); // leak: likewise
    while (rs.next()) {
      result.add(new Invoice(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
    }
    c.close();
    return result;
  }

  public BigDecimal total(Connection conn, String customer) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PreparedStatement ps = conn.prepareStatement("SELECT SUM(amount) FROM invoice WHERE customer = ?"); // leak: closed after the result set, not in finally
    ps.setString(1, customer);
    try (ResultSet rs = ps.executeQuery()) { // ok: try-with-resources
      BigDecimal sum = rs.next() ? rs.getBigDecimal(1) : null;
      ps.close();
      return sum == null ? BigDecimal.ZERO : sum;
    }
  }

  public int markPaid(List<Long> ids) throws SQLException {
    try (Connection c = dataSource.getConnection()) { // ok: try-with-resources
      int updated = 0;
      for (long id : ids) {
        PreparedStatement ps = c.prepareStatement("UPDATE invoice SET paid = TRUE WHERE id = ?"); // ok: released when the owned connection is closed
        ps.setLong(1, id);
        updated += ps.executeUpdate();
        ps.close();
      }
      return updated;
    }
  }
}
