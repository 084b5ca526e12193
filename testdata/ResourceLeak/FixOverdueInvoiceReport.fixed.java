package testdata.resourceleak;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A JDBC report that closes nothing. The statement and the result set are reported too, because
 * the connection that would release them leaks; all three findings get the same fix, which opens
 * the connection, the statement and the result set in one try-with-resources header, in the order
 * they were opened.
 */
class FixOverdueInvoiceReport {
  private final DataSource dataSource;

  FixOverdueInvoiceReport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  int overdueCount() throws SQLException {
    try (Connection connection = dataSource.getConnection(); // leak: never closed
        Statement statement = connection.createStatement(); // leak: its connection is never closed
        ResultSet rows = statement.executeQuery("select count(*) from invoice where due_date < current_date")) { // leak: its statement is never closed
      rows.next();
      int overdue = rows.getInt(1);
      System.out.println(overdue + " overdue invoices");
      return overdue;
    }
  }
}
