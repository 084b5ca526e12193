package testdata.resourceleakonexception;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Builds the application's connection pool from its settings. A pool is made once and kept for the
 * life of the program, and holds no connection until it is first asked for one, so one dropped
 * while it is configured leaks nothing (DataSourcesAreResources is off by default).
 */
public class NegativeDataSourceFactory {

  /** A pooling data source in the shape of Commons DBCP's BasicDataSource. */
  public static final class PooledDataSource implements DataSource, AutoCloseable {
    private String url;
    private int maxTotal = 8;
    private int loginTimeout;

    public void setUrl(String url) {
      this.url = url;
    }

    public void setMaxTotal(int maxTotal) {
      this.maxTotal = maxTotal;
    }

    public int getMaxTotal() {
      return maxTotal;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {
      loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
      return loginTimeout;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }

    @Override
    public void close() {}
  }

  public static PooledDataSource create(Properties settings) throws SQLException {
    PooledDataSource dataSource = new PooledDataSource(); // ok: holds no connection yet
    dataSource.setUrl(settings.getProperty("url"));
    dataSource.setMaxTotal(Integer.parseInt(settings.getProperty("maxTotal", "8")));
    String timeout = settings.getProperty("loginTimeout");
    if (timeout != null && timeout.isBlank()) {
      throw new SQLException("loginTimeout is blank");
    }
    if (timeout != null) {
      dataSource.setLoginTimeout(Integer.parseInt(timeout));
    }
    return dataSource;
  }
}
