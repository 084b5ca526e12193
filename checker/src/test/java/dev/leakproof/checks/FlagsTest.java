package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code -XepOpt:Leakproof:*} flags, as a build passes them. */
class FlagsTest {
  @TempDir Path dir;

  private Path source(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void flagFollowUncheckedExceptionsReportsUncheckedPaths() {
    String[] source = {
      "import java.io.*;",
      "import java.util.List;",
      "class T {",
      "  void write(File f, List<String> lines) throws IOException {",
      "    // BUG: Diagnostic contains: if `lines.get()` throws RuntimeException",
      "    Writer w = new FileWriter(f);",
      "    String first = lines.get(0);",
      "    try {",
      "      w.write(first);",
      "    } finally {",
      "      w.close();",
      "    }",
      "  }",
      "}"
    };
    // By default only checked exceptions and explicit throws are followed.
    assertFindingsOnlyWith("-XepOpt:Leakproof:FollowUncheckedExceptions=true", source);
  }

  /**
   * With {@code flag}, the markers' findings are reported; without it, nothing is; with it and the
   * checks suppressed on class {@code T}, nothing is either.
   */
  private void assertFindingsOnlyWith(String flag, String... source) {
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs(flag)
        .addSourceLines("T.java", source)
        .doTest();
    String[] unmarked =
        java.util.Arrays.stream(source).filter(l -> !l.contains("BUG:")).toArray(String[]::new);
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .addSourceLines("T.java", unmarked)
        .expectNoDiagnostics()
        .doTest();
    String[] suppressed =
        java.util.Arrays.stream(unmarked)
            .map(l -> l.startsWith("class T") ? "@SuppressWarnings(\"resource\") " + l : l)
            .toArray(String[]::new);
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs(flag)
        .addSourceLines("T.java", suppressed)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void flagChildrenMustBeClosed() {
    String[] source = {
      "import java.sql.*;",
      "class T {",
      "  int count(Connection c) throws SQLException {",
      "    try (Statement st = c.createStatement()) {",
      "      // BUG: Diagnostic contains: `rs` (ResultSet)",
      "      ResultSet rs = st.executeQuery(\"select 1\");",
      "      return rs.next() ? 1 : 0;",
      "    }",
      "  }",
      "}"
    };
    // By default a result set goes with its statement.
    assertFindingsOnlyWith("-XepOpt:Leakproof:ChildrenMustBeClosed=true", source);
  }

  @Test
  void flagChildrenMustBeClosedForStatementFields() {
    String[] source = {
      "import java.sql.*;",
      "class T {",
      "  private Connection conn;",
      "  // BUG: Diagnostic contains: `stat` holds the Statement",
      "  private Statement stat;",
      "  void run(String url) throws SQLException {",
      "    conn = DriverManager.getConnection(url);",
      "    stat = conn.createStatement();",
      "    try {",
      "      stat.execute(\"select 1\");",
      "    } finally {",
      "      conn.close();",
      "    }",
      "  }",
      "}"
    };
    // By default closing the connection in a method of the class releases the statement field.
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:ChildrenMustBeClosed=true")
        .addSourceLines("T.java", source)
        .doTest();
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .addSourceLines(
            "T.java",
            java.util.Arrays.stream(source).filter(l -> !l.contains("BUG:")).toArray(String[]::new))
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void flagExecutorsAreResources() {
    String[] source = {
      "import java.util.concurrent.*;",
      "class T {",
      "  void run(Runnable task) {",
      "    // BUG: Diagnostic contains: `pool` (ExecutorService)",
      "    ExecutorService pool = Executors.newFixedThreadPool(2);",
      "    pool.submit(task);",
      "  }",
      "  void runAndShutDown(Runnable task) {",
      "    ExecutorService pool = Executors.newSingleThreadExecutor();",
      "    try {",
      "      pool.submit(task);",
      "    } finally {",
      "      pool.shutdown();",
      "    }",
      "  }",
      "}"
    };
    // Off by default: executors usually live as long as the program.
    assertFindingsOnlyWith("-XepOpt:Leakproof:ExecutorsAreResources=true", source);
  }

  /** A stand-in for Commons DBCP's pooling data source. */
  private static final String[] DATA_SOURCES = {
    "package org.apache.commons.dbcp2;",
    "import java.io.PrintWriter;",
    "import java.sql.Connection;",
    "import java.util.logging.Logger;",
    "public class BasicDataSource implements javax.sql.DataSource, AutoCloseable {",
    "  public void setUrl(String url) {}",
    "  public void setMaxTotal(int max) {}",
    "  @Override public Connection getConnection() { return null; }",
    "  @Override public Connection getConnection(String u, String p) { return null; }",
    "  @Override public PrintWriter getLogWriter() { return null; }",
    "  @Override public void setLogWriter(PrintWriter out) {}",
    "  @Override public void setLoginTimeout(int seconds) {}",
    "  @Override public int getLoginTimeout() { return 0; }",
    "  @Override public Logger getParentLogger() { return null; }",
    "  @Override public <T> T unwrap(Class<T> c) { return null; }",
    "  @Override public boolean isWrapperFor(Class<?> c) { return false; }",
    "  @Override public void close() {}",
    "}"
  };

  @Test
  void flagDataSourcesAreResources() {
    String[] source = {
      "import java.sql.*;",
      "import java.util.Properties;",
      "import javax.sql.DataSource;",
      "import org.apache.commons.dbcp2.BasicDataSource;",
      "class T {",
      "  static BasicDataSource create(Properties p) {",
      "    // BUG: Diagnostic contains: `ds` (BasicDataSource) is not closed if `Integer.parseInt()`",
      "    BasicDataSource ds = new BasicDataSource();",
      "    ds.setUrl(p.getProperty(\"url\"));",
      "    ds.setMaxTotal(Integer.parseInt(p.getProperty(\"maxTotal\")));",
      "    return ds;",
      "  }",
      "  boolean check(String url) throws SQLException {",
      "    // BUG: Diagnostic contains: `pool` (BasicDataSource) is not closed",
      "    BasicDataSource pool = new BasicDataSource();",
      "    pool.setUrl(url);",
      "    try (Connection c = pool.getConnection()) {",
      "      return c.isValid(1);",
      "    }",
      "  }",
      "  boolean checkAndClose(String url) throws SQLException {",
      "    try (BasicDataSource pool = new BasicDataSource()) {",
      "      pool.setUrl(url);",
      "      try (Connection c = pool.getConnection()) {",
      "        return c.isValid(1);",
      "      }",
      "    }",
      "  }",
      "  boolean viaInterface(DataSource ds) throws SQLException {",
      "    try (Connection c = ds.getConnection()) {",
      "      return c.isValid(1);",
      "    }",
      "  }",
      "  static class Repository {",
      "    // BUG: Diagnostic contains: [UnclosedResourceField]",
      "    private final BasicDataSource pool = new BasicDataSource();",
      "    Connection connect() throws SQLException {",
      "      return pool.getConnection();",
      "    }",
      "  }",
      "}"
    };
    // Off by default: a pool usually lives as long as the program.
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:DataSourcesAreResources=true")
        .addSourceLines("BasicDataSource.java", DATA_SOURCES)
        .addSourceLines("T.java", source)
        .doTest();
    String[] unmarked =
        java.util.Arrays.stream(source).filter(l -> !l.contains("BUG:")).toArray(String[]::new);
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .addSourceLines("BasicDataSource.java", DATA_SOURCES)
        .addSourceLines("T.java", unmarked)
        .expectNoDiagnostics()
        .doTest();
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:DataSourcesAreResources=false")
        .addSourceLines("BasicDataSource.java", DATA_SOURCES)
        .addSourceLines("T.java", unmarked)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void flagDataSourcesAreResourcesLeavesDataSourcesThatCannotBeClosed() {
    // H2's JdbcDataSource and the like hold nothing and have no close(): never resources.
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:DataSourcesAreResources=true")
        .addSourceLines(
            "SimpleDataSource.java",
            "import java.io.PrintWriter;",
            "import java.sql.Connection;",
            "import java.util.logging.Logger;",
            "public class SimpleDataSource implements javax.sql.DataSource {",
            "  public void setUrl(String url) {}",
            "  @Override public Connection getConnection() { return null; }",
            "  @Override public Connection getConnection(String u, String p) { return null; }",
            "  @Override public PrintWriter getLogWriter() { return null; }",
            "  @Override public void setLogWriter(PrintWriter out) {}",
            "  @Override public void setLoginTimeout(int seconds) {}",
            "  @Override public int getLoginTimeout() { return 0; }",
            "  @Override public Logger getParentLogger() { return null; }",
            "  @Override public <T> T unwrap(Class<T> c) { return null; }",
            "  @Override public boolean isWrapperFor(Class<?> c) { return false; }",
            "}")
        .addSourceLines(
            "T.java",
            "class T {",
            "  static SimpleDataSource create(String url) {",
            "    SimpleDataSource ds = new SimpleDataSource();",
            "    ds.setUrl(url);",
            "    return ds;",
            "  }",
            "  static void configure(String url) {",
            "    new SimpleDataSource().setUrl(url);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void flagDataSourcesAreResourcesBadValueFailsTheBuild() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:DataSourcesAreResources=yes"));
    assertEquals(
        List.of(
            "Leakproof: -XepOpt:Leakproof:DataSourcesAreResources=yes is not a boolean."
                + " Write -XepOpt:Leakproof:DataSourcesAreResources=true or"
                + " -XepOpt:Leakproof:DataSourcesAreResources=false"),
        result.errors().stream().map(e -> e.replaceFirst("^.*?-?\\d+: ", "")).toList());
  }

  @Test
  void flagModelFilesAddsEntries() throws IOException {
    Path model =
        source("pool.model", "# our connection pool\nacquire com.example.db.Pool#borrow\n");
    String[] pool = {
      "package com.example.db;",
      "public class Pool {",
      "  public java.sql.Connection borrow() { return null; }",
      "}"
    };
    String[] use = {
      "import com.example.db.Pool;",
      "class T {",
      "  void run(Pool pool) throws java.sql.SQLException {",
      "    // BUG: Diagnostic contains: `c` (Connection)",
      "    java.sql.Connection c = pool.borrow();",
      "    c.setAutoCommit(false);",
      "  }",
      "}"
    };
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:ModelFiles=" + model)
        .addSourceLines("Pool.java", pool)
        .addSourceLines("T.java", use)
        .doTest();
  }

  @Test
  void modelProviderOnTheProcessorPathAddsEntries() {
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .addSourceLines(
            "LeasePool.java",
            "package com.example.pool;",
            "public class LeasePool {",
            "  public Lease lease() { return new Lease(); }",
            "}")
        .addSourceLines(
            "Lease.java",
            "package com.example.pool;",
            "public class Lease implements AutoCloseable {",
            "  public void giveBack() {}",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "T.java",
            "import com.example.pool.*;",
            "class T {",
            "  void leaks(LeasePool pool) {",
            "    // BUG: Diagnostic contains: `l` (Lease)",
            "    Lease l = pool.lease();",
            "  }",
            "  void givenBack(LeasePool pool) {",
            "    Lease l = pool.lease();",
            "    l.giveBack();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void flagModelFilesWithABadEntryFailsNamingFileLineAndFix() throws IOException {
    Path model = source("bad.model", "# ok\nacquire com.example.db.Pool.borrow\n");
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:ModelFiles=" + model));
    assertEquals(
        List.of(
            "Leakproof: "
                + model
                + ":2: 'acquire' needs a method: Type#method. Write it like: acquire"
                + " java.nio.file.Files#newInputStream"),
        result.errors().stream().map(e -> e.replaceFirst("^.*?-?\\d+: ", "")).toList());
  }

  @Test
  void flagModelFilesWithAMissingFileFails() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result =
        Scanner.scan(
            List.of(file), List.of("-XepOpt:Leakproof:ModelFiles=" + dir.resolve("none.model")));
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(
        result.errors().get(0).contains("none.model, which is not a readable file"),
        result.errors().toString());
  }

  @Test
  void flagBadValueFailsTheBuildWithAClearMessage() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:FollowUncheckedExceptions=maybe"));
    assertEquals(
        List.of(
            "Leakproof: -XepOpt:Leakproof:FollowUncheckedExceptions=maybe is not a boolean."
                + " Write -XepOpt:Leakproof:FollowUncheckedExceptions=true or"
                + " -XepOpt:Leakproof:FollowUncheckedExceptions=false"),
        result.errors().stream().map(e -> e.replaceFirst("^.*?-?\\d+: ", "")).toList());
  }

  @Test
  void flagHoldingMethodsNamesMethodsThatReturnHoldingTheLock() {
    String[] source = {
      "import java.util.concurrent.locks.*;",
      "class T {",
      "  private final Lock lock = new ReentrantLock();",
      "  void lockAll() {",
      "    // BUG: Diagnostic contains: [UnreleasedLock]",
      "    lock.lock();",
      "  }",
      "  void hold() {",
      "    lock.lock();",
      "  }",
      "}"
    };
    // With the flag, hold() is the holding method and lockAll() (a default name) is not.
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:HoldingMethods=hold")
        .addSourceLines("T.java", source)
        .doTest();
    // By default it is the other way round.
    String[] byDefault = source.clone();
    byDefault[4] = "";
    byDefault[7] = "  void hold() {\n    // BUG: Diagnostic contains: [UnreleasedLock]";
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .addSourceLines("T.java", String.join("\n", byDefault).split("\n"))
        .doTest();
    // Suppressed on the class: nothing either way.
    String[] suppressed =
        java.util.Arrays.stream(source)
            .filter(l -> !l.contains("BUG:"))
            .map(l -> l.startsWith("class T") ? "@SuppressWarnings(\"UnreleasedLock\") " + l : l)
            .toArray(String[]::new);
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:HoldingMethods=hold")
        .addSourceLines("T.java", suppressed)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void flagHoldingMethodsWithABadRegexFailsTheBuild() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:HoldingMethods=lock(.*"));
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(
        result
            .errors()
            .get(0)
            .contains("-XepOpt:Leakproof:HoldingMethods=lock(.* is not a valid regular expression"),
        result.errors().toString());
    assertTrue(
        result.errors().get(0).contains("-XepOpt:Leakproof:HoldingMethods=lock.*|acquire.*"),
        result.errors().toString());
  }

  @Test
  void flagUnknownNameFailsTheBuild() throws IOException {
    Path file = source("T.java", "class T { void m() {} }");
    Scanner.Result result = Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:MaxSteps=10"));
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(
        result.errors().get(0).contains("-XepOpt:Leakproof:MaxSteps is not a Leakproof flag"),
        result.errors().toString());
  }

  @Test
  void flagMaxStepsSkipsLargeMethodsWithAVisibleNote() throws IOException {
    StringBuilder big =
        new StringBuilder(
            "import java.io.*;\nclass Big {\n  void big(File f) throws IOException {\n");
    for (int i = 0; i < 50; i++) {
      big.append("    InputStream in").append(i).append(" = new FileInputStream(f);\n");
    }
    big.append("  }\n}\n");
    Path file = source("Big.java", big.toString());
    Scanner.Result limited =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:MaxStepsPerMethod=20"));
    assertEquals(List.of(), limited.findings());
    assertEquals(
        List.of(
            "Big.java:3: [PreferTryWithResources] Leakproof did not check method big() for"
                + " resource leaks because it is too large to analyse (more than 20 analysis steps);"
                + " -XepOpt:Leakproof:MaxStepsPerMethod raises the limit"),
        limited.notes());
    Scanner.Result full = Scanner.scan(List.of(file), List.of());
    assertEquals(50, full.findings().size());
  }

  @Test
  void flagMaxStepsAlsoBoundsTheLockAnalysisWithAVisibleNote() throws IOException {
    StringBuilder big =
        new StringBuilder(
            "import java.util.concurrent.locks.*;\nclass Locks {\n"
                + "  private final Lock lock = new ReentrantLock();\n  private int n;\n"
                + "  void big() {\n");
    for (int i = 0; i < 50; i++) {
      big.append("    lock.lock();\n    n++;\n");
    }
    big.append("  }\n}\n");
    Path file = source("Locks.java", big.toString());
    Scanner.Result limited =
        Scanner.scan(List.of(file), List.of("-XepOpt:Leakproof:MaxStepsPerMethod=20"));
    assertEquals(List.of(), limited.findings());
    assertEquals(
        List.of(
            "Locks.java:5: [UnreleasedLock] Leakproof did not check method big() for locks and"
                + " temporary state because it is too large to analyse (more than 20 analysis steps);"
                + " -XepOpt:Leakproof:MaxStepsPerMethod raises the limit"),
        limited.notes());
    Scanner.Result full = Scanner.scan(List.of(file), List.of());
    assertEquals(50, full.findings().size());
  }
}
