package testdata.resourceleak;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/** Order repository: statements and result sets are released by the objects that own them. */
public class NegativeJdbcLifecycle {

  record Order(long id, String customer, BigDecimal total) {}

  private final DataSource dataSource;
  private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
  private Connection reportingConnection;

  public NegativeJdbcLifecycle(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<Order> findByCustomer(String customer) throws SQLException {
    List<Order> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) { // ok: try-with-resources
      PreparedStatement ps = c.prepareStatement("SELECT id, customer, total FROM orders WHERE customer = ?"); // ok: released when the connection is closed
      ps.setString(1, customer);
      ResultSet rs = ps.executeQuery(); // ok: released with its statement and connection
      while (rs.next()) {
        result.add(new Order(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
      }
    }
    return result;
  }

  public int countOrders(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement()) { // ok: try-with-resources on the caller's connection
      ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders"); // ok: released when st is closed
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  public BigDecimal totalRevenue(String url) throws SQLException {
    Connection c = null;
    try {
      c = DriverManager.getConnection(url); // ok: null-checked close in finally
      Statement st = c.createStatement(); // ok: released when the connection is closed
      ResultSet rs = st.executeQuery("SELECT SUM(total) FROM orders"); // ok: released with the connection
      return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
    } finally {
      if (c != null) {
        c.close();
      }
    }
  }

  public void archive(long orderId) throws SQLException {
    Connection c = dataSource.getConnection(); // ok: closed in finally
    try {
      c.setAutoCommit(false);
      PreparedStatement copy = c.prepareStatement("INSERT INTO orders_archive SELECT * FROM orders WHERE id = ?"); // ok: released when the connection is closed
      copy.setLong(1, orderId);
      copy.executeUpdate();
      PreparedStatement delete = c.prepareStatement("DELETE FROM orders WHERE id = ?"); // ok: released when the connection is closed
      delete.setLong(1, orderId);
      delete.executeUpdate();
      c.commit();
    } finally {
      c.close();
    }
  }

  public List<String> columns(String table) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) { // ok: try-with-resources
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, table, "%")) { // ok: try-with-resources
        while (rs.next()) {
          cols.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    return cols;
  }

  public long nextInvoiceNumber(Connection conn) throws SQLException {
    try (CallableStatement call = conn.prepareCall("{? = call next_invoice_number()}")) { // ok: try-with-resources
      call.registerOutParameter(1, Types.BIGINT);
      call.execute();
      return call.getLong(1);
    }
  }

  public Connection borrow() throws SQLException {
    Connection pooled = idle.poll();
    if (pooled != null) {
      return pooled;
    }
    return dataSource.getConnection(); // ok: returned to the caller
  }

  public void release(Connection c) {
    idle.offer(c);
  }

  public void openReporting() throws SQLException {
    reportingConnection = dataSource.getConnection(); // ok: stored into a field
  }

  public PreparedStatement prepareLookup(Connection conn) throws SQLException {
    return conn.prepareStatement("SELECT * FROM orders WHERE id = ?"); // ok: returned to the caller
  }

  public ResultSet openCursor(Statement st) throws SQLException {
    return st.executeQuery("SELECT * FROM orders ORDER BY id"); // ok: returned to the caller
  }

  public boolean exists(long id) throws SQLException {
    try (Connection c = dataSource.getConnection(); // ok: try-with-resources
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM orders WHERE id = ?")) { // ok: try-with-resources
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) { // ok: try-with-resources
        return rs.next();
      }
    }
  }

  public void closeReporting() throws SQLException {
    if (reportingConnection != null) {
      reportingConnection.close();
    }
  }
}
