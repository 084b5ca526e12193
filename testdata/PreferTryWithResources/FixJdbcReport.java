package testdata.prefertrywithresources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A monthly sales report that closes its connection by hand; the statement and result set are
 * released with it. The fix moves the connection into a try-with-resources header and leaves the
 * children as they are, since closing the connection still releases them.
 */
class FixJdbcReport {
  private final DataSource dataSource;

  FixJdbcReport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Map<String, Long> salesByRegion(int year, int month) throws SQLException {
    Map<String, Long> totals = new LinkedHashMap<>();
    Connection c = null;
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      c = dataSource.getConnection(); // ok: closed in the finally when it was opened
      PreparedStatement ps =
          c.prepareStatement(
              "SELECT region, SUM(amount) FROM sale WHERE year = ? AND month = ? GROUP BY region");
      ps.setInt(1, year);
      ps.setInt(2, month);
      ResultSet rs = ps.executeQuery();
      while (rs.next()) {
        totals.put(rs.getString(1), rs.getLong(2));
      }
    } finally {
      if (c != null) {
        c.close();
      }
    }
    return totals;
  }
}
