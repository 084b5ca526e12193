package dev.leakproof.checks;

import com.google.errorprone.CompilationTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in model entries for libraries other than the JDK, against stand-ins that have the
 * libraries' names and shapes: each source would give a finding without its entry. Conventions of a
 * library's own internals are not built in; the project states them in a model file, and the tests
 * at the end show such files at work.
 */
class LibraryModelTest {
  @TempDir Path dir;

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.LEAKS, getClass());

  @Test
  void negativePdfboxStreamsBelongToTheirDocument() {
    helper
        .addSourceLines(
            "org/apache/pdfbox/cos/COSStream.java",
            """
            package org.apache.pdfbox.cos;
            public class COSStream implements java.io.Closeable {
              public java.io.OutputStream createOutputStream() { return null; }
              @Override public void close() {}
            }
            """)
        .addSourceLines(
            "org/apache/pdfbox/cos/COSArray.java",
            """
            package org.apache.pdfbox.cos;
            public class COSArray {
              public void add(Object o) {}
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import org.apache.pdfbox.cos.COSArray;
            import org.apache.pdfbox.cos.COSStream;
            class T {
              COSArray contents(String operators) {
                COSArray array = new COSArray();
                COSStream stream = new COSStream();
                array.add(stream);
                return array;
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativePdfboxCloserInGuardedClose() {
    helper
        .addSourceLines(
            "org/apache/pdfbox/io/IOUtils.java",
            """
            package org.apache.pdfbox.io;
            public final class IOUtils {
              public static java.io.IOException closeAndLogException(
                  java.io.Closeable closeable, Object log, String name, java.io.IOException first) {
                return first;
              }
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.io.Closeable;
            import java.io.FileInputStream;
            import java.io.IOException;
            import org.apache.pdfbox.io.IOUtils;
            class T implements Closeable {
              private final FileInputStream source;
              private boolean closed;

              T(String name) throws IOException {
                source = new FileInputStream(name);
              }

              boolean isClosed() {
                return closed;
              }

              @Override
              public void close() throws IOException {
                if (!isClosed()) {
                  closed = true;
                  IOException first = IOUtils.closeAndLogException(source, null, "source", null);
                  if (first != null) {
                    throw first;
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void commonsIoBuilderWrapsTheStreamItIsGiven() {
    helper
        .addSourceLines(
            "org/apache/commons/io/function/IOSupplier.java",
            """
            package org.apache.commons.io.function;
            public interface IOSupplier<T> {
              T get() throws java.io.IOException;
            }
            """)
        .addSourceLines(
            "org/apache/commons/io/build/AbstractSupplier.java",
            """
            package org.apache.commons.io.build;
            public abstract class AbstractSupplier<T, B extends AbstractSupplier<T, B>>
                implements org.apache.commons.io.function.IOSupplier<T> {
              @SuppressWarnings("unchecked")
              protected B asThis() { return (B) this; }
            }
            """)
        .addSourceLines(
            "org/apache/commons/io/build/AbstractOriginSupplier.java",
            """
            package org.apache.commons.io.build;
            public abstract class AbstractOriginSupplier<T, B extends AbstractOriginSupplier<T, B>>
                extends AbstractSupplier<T, B> {
              public B setInputStream(java.io.InputStream origin) { return asThis(); }
              public B setPath(java.nio.file.Path origin) { return asThis(); }
            }
            """)
        .addSourceLines(
            "org/apache/commons/io/build/AbstractStreamBuilder.java",
            """
            package org.apache.commons.io.build;
            public abstract class AbstractStreamBuilder<T, B extends AbstractStreamBuilder<T, B>>
                extends AbstractOriginSupplier<T, B> {
              public B setBufferSize(int bufferSize) { return asThis(); }
            }
            """)
        .addSourceLines(
            "org/apache/commons/io/input/BOMInputStream.java",
            """
            package org.apache.commons.io.input;
            import org.apache.commons.io.build.AbstractStreamBuilder;
            public class BOMInputStream extends java.io.FilterInputStream {
              public static Builder builder() { return new Builder(); }
              public static class Builder extends AbstractStreamBuilder<BOMInputStream, Builder> {
                public Builder setInclude(boolean include) { return this; }
                @Override
                public BOMInputStream get() throws java.io.IOException {
                  return new BOMInputStream(null);
                }
              }
              BOMInputStream(java.io.InputStream in) { super(in); }
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import java.io.*;
            import java.nio.charset.StandardCharsets;
            import org.apache.commons.io.input.BOMInputStream;
            class T {
              private final Reader reader;

              T(File f) throws IOException {
                InputStream in = new FileInputStream(f);
                try {
                  BOMInputStream bom =
                      BOMInputStream.builder()
                          .setInputStream(new BufferedInputStream(in))
                          .setInclude(false)
                          .get();
                  reader = new InputStreamReader(bom, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                  in.close();
                  throw e;
                }
              }

              static int readFirst(File f) throws IOException {
                BOMInputStream.Builder builder = BOMInputStream.builder();
                // BUG: Diagnostic contains: not closed if `builder.get()` throws IOException
                builder.setInputStream(new FileInputStream(f));
                try (InputStream in = builder.get()) {
                  return in.read();
                }
              }

              static void builderDropped(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] the FileInputStream
                BOMInputStream.builder().setInputStream(new FileInputStream(f)).setBufferSize(8);
              }

              static int builtStreamNeverClosed(File f) throws IOException {
                // BUG: Diagnostic contains: [ResourceLeak] `in`
                InputStream in = new FileInputStream(f);
                BOMInputStream bom = BOMInputStream.builder().setInputStream(in).get();
                return bom.read();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeHttpCoreMessagesWithoutStreams() {
    helper
        .addSourceLines(
            "org/apache/hc/core5/http/HttpEntity.java",
            """
            package org.apache.hc.core5.http;
            public interface HttpEntity extends java.io.Closeable {}
            """)
        .addSourceLines(
            "org/apache/hc/core5/http/io/entity/StringEntity.java",
            """
            package org.apache.hc.core5.http.io.entity;
            public class StringEntity implements org.apache.hc.core5.http.HttpEntity {
              public StringEntity(String content) {}
              @Override public void close() {}
            }
            """)
        .addSourceLines(
            "org/apache/hc/core5/http/message/BasicClassicHttpResponse.java",
            """
            package org.apache.hc.core5.http.message;
            public class BasicClassicHttpResponse implements java.io.Closeable {
              public BasicClassicHttpResponse(int code) {}
              public BasicClassicHttpResponse(int code, String reason) {}
              public void setEntity(org.apache.hc.core5.http.HttpEntity entity) {}
              @Override public void close() {}
            }
            """)
        .addSourceLines(
            "T.java",
            """
            import org.apache.hc.core5.http.HttpEntity;
            import org.apache.hc.core5.http.io.entity.StringEntity;
            import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
            import java.util.function.Consumer;
            class T {
              private HttpEntity body;

              T withBody(String text) {
                body = new StringEntity(text);
                return this;
              }

              void sendContinue(Consumer<BasicClassicHttpResponse> trigger) {
                trigger.accept(new BasicClassicHttpResponse(100));
                BasicClassicHttpResponse denied = new BasicClassicHttpResponse(401, "Unauthorized");
                denied.setEntity(new StringEntity("denied"));
                trigger.accept(denied);
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativePooledObjectReallyClosed() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            class T implements AutoCloseable {
              private final Connection conn;
              private PreparedStatement validation;

              T(Connection conn) {
                this.conn = conn;
              }

              boolean validate() throws SQLException {
                if (validation == null) {
                  validation = conn.prepareStatement("SELECT 1");
                }
                return validation.execute();
              }

              /** Gives the connection back to its pool. */
              @Override
              public void close() {}

              /** Ends the pooled connection. */
              public void reallyClose() throws SQLException {
                if (validation != null) {
                  validation.close();
                }
                conn.close();
              }
            }
            """)
        .doTest();
  }

  private static final String[] SIMPLE_RESULT_SET = {
    "package org.h2.tools;",
    "public class SimpleResultSet implements AutoCloseable {",
    "  public SimpleResultSet() {}",
    "  public SimpleResultSet(SimpleRowSource source) {}",
    "  public void addColumn(String name) {}",
    "  public void addRow(Object... row) {}",
    "  @Override public void close() {}",
    "}"
  };

  @Test
  void negativeH2SimpleResultSetInMemory() {
    helper
        .addSourceLines("org/h2/tools/SimpleResultSet.java", SIMPLE_RESULT_SET)
        .addSourceLines(
            "org/h2/tools/SimpleRowSource.java",
            "package org.h2.tools;",
            "public interface SimpleRowSource {",
            "  Object[] readRow();",
            "  void close();",
            "}")
        .addSourceLines(
            "T.java",
            """
            import java.sql.Connection;
            import java.sql.SQLException;
            import org.h2.tools.SimpleResultSet;
            import org.h2.tools.SimpleRowSource;
            class T {
              static SimpleResultSet createResultSet() {
                SimpleResultSet result = new SimpleResultSet();
                result.addColumn("QUERY");
                return result;
              }

              SimpleResultSet search(Connection conn, String text) throws SQLException {
                SimpleResultSet result = createResultSet();
                if (conn.getMetaData().getURL().startsWith("jdbc:columnlist:")) {
                  return result;
                }
                result.addRow(text);
                return result;
              }

              SimpleResultSet profile(Connection conn) throws SQLException {
                SimpleResultSet simple = new SimpleResultSet();
                simple.addColumn("URL");
                simple.addRow(conn.getMetaData().getURL());
                return simple;
              }

              // One over a row source closes the source: still a resource.
              SimpleResultSet read(SimpleRowSource source, Connection conn) throws SQLException {
                // BUG: Diagnostic contains: `rs` (SimpleResultSet) is not closed if
                SimpleResultSet rs = new SimpleResultSet(source);
                rs.addColumn(conn.getMetaData().getURL());
                return rs;
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeHttpCoreConnectionHoldsNothingUntilBound() {
    helper
        .addSourceLines(
            "org/apache/hc/core5/http/config/Http1Config.java",
            "package org.apache.hc.core5.http.config;",
            "public class Http1Config {",
            "  public static final Http1Config DEFAULT = new Http1Config();",
            "}")
        .addSourceLines(
            "org/apache/hc/core5/http/impl/io/DefaultBHttpClientConnection.java",
            "package org.apache.hc.core5.http.impl.io;",
            "import org.apache.hc.core5.http.config.Http1Config;",
            "public class DefaultBHttpClientConnection implements java.io.Closeable {",
            "  public DefaultBHttpClientConnection(Http1Config config) {}",
            "  public void bind(java.net.Socket socket) throws java.io.IOException {}",
            "  public void flush() throws java.io.IOException {}",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "org/apache/hc/core5/http/impl/io/DefaultBHttpServerConnection.java",
            "package org.apache.hc.core5.http.impl.io;",
            "import org.apache.hc.core5.http.config.Http1Config;",
            "public class DefaultBHttpServerConnection implements java.io.Closeable {",
            "  public DefaultBHttpServerConnection(String scheme, Http1Config config) {}",
            "  public void bind(java.net.Socket socket) throws java.io.IOException {}",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "org/apache/hc/core5/http/impl/io/DefaultBHttpClientConnectionFactory.java",
            "package org.apache.hc.core5.http.impl.io;",
            "public class DefaultBHttpClientConnectionFactory {",
            "  public DefaultBHttpClientConnection createConnection(java.net.Socket socket) {",
            "    return null;",
            "  }",
            "}")
        .addSourceLines(
            "T.java",
            """
            import java.io.IOException;
            import java.net.Socket;
            import org.apache.hc.core5.http.config.Http1Config;
            import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
            import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnectionFactory;
            import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
            class T {
              DefaultBHttpClientConnection createDetached() {
                return new DefaultBHttpClientConnection(Http1Config.DEFAULT);
              }

              DefaultBHttpClientConnection createConnection(Socket socket) throws IOException {
                DefaultBHttpClientConnection conn = createDetached();
                conn.bind(socket);
                return conn;
              }

              DefaultBHttpServerConnection accept(Socket socket) throws IOException {
                DefaultBHttpServerConnection conn =
                    new DefaultBHttpServerConnection("http", Http1Config.DEFAULT);
                conn.bind(socket);
                return conn;
              }

              // A connection from a factory is bound to the socket it was given: it wraps it.
              void send(DefaultBHttpClientConnectionFactory factory, String host)
                  throws IOException {
                // BUG: Diagnostic contains: `socket` (Socket) is not closed
                Socket socket = new Socket(host, 80);
                DefaultBHttpClientConnection conn = factory.createConnection(socket);
                conn.flush();
              }
            }
            """)
        .doTest();
  }

  private static final String[] CLASSIC_HTTP_RESPONSE = {
    "package org.apache.hc.core5.http;",
    "public interface ClassicHttpResponse extends java.io.Closeable {",
    "  void setCode(int code);",
    "}"
  };

  private static final String[] RESPONSE_FACTORY = {
    "package org.apache.hc.core5.http;",
    "public interface HttpResponseFactory<T> {",
    "  T newHttpResponse(int code);",
    "}"
  };

  private static final String[] PAGES = {
    "package com.example;",
    "public interface Pages {",
    "  org.apache.hc.core5.http.ClassicHttpResponse openPage(String path)",
    "      throws java.io.IOException;",
    "}"
  };

  private static final String[] REQUEST_HANDLER = {
    "package org.apache.hc.core5.http.io;",
    "import org.apache.hc.core5.http.ClassicHttpResponse;",
    "public interface HttpServerRequestHandler {",
    "  interface ResponseTrigger {",
    "    void sendInformation(ClassicHttpResponse response) throws java.io.IOException;",
    "    void submitResponse(ClassicHttpResponse response) throws java.io.IOException;",
    "  }",
    "}"
  };

  private static final String[] FILTER_CHAIN = {
    "package org.apache.hc.core5.http.io;",
    "import org.apache.hc.core5.http.ClassicHttpResponse;",
    "public interface HttpFilterChain {",
    "  interface ResponseTrigger {",
    "    void submitResponse(ClassicHttpResponse response) throws java.io.IOException;",
    "  }",
    "}"
  };

  @Test
  void negativeHttpCoreSubmittedResponsesBelongToTheServer() {
    // The server's response trigger sends a submitted response and closes it.
    helper
        .addSourceLines("org/apache/hc/core5/http/ClassicHttpResponse.java", CLASSIC_HTTP_RESPONSE)
        .addSourceLines("org/apache/hc/core5/http/HttpResponseFactory.java", RESPONSE_FACTORY)
        .addSourceLines("com/example/Pages.java", PAGES)
        .addSourceLines(
            "org/apache/hc/core5/http/io/HttpServerRequestHandler.java", REQUEST_HANDLER)
        .addSourceLines("org/apache/hc/core5/http/io/HttpFilterChain.java", FILTER_CHAIN)
        .addSourceLines(
            "T.java",
            """
            import com.example.Pages;
            import java.io.IOException;
            import org.apache.hc.core5.http.ClassicHttpResponse;
            import org.apache.hc.core5.http.HttpResponseFactory;
            import org.apache.hc.core5.http.io.HttpFilterChain;
            import org.apache.hc.core5.http.io.HttpServerRequestHandler;
            class T {
              Pages pages;
              HttpResponseFactory<ClassicHttpResponse> responses;

              void handle(String path, HttpServerRequestHandler.ResponseTrigger trigger)
                  throws IOException {
                ClassicHttpResponse response = pages.openPage(path);
                if (path.isEmpty()) {
                  response.setCode(404);
                }
                trigger.submitResponse(response);
              }

              void filter(String path, HttpFilterChain.ResponseTrigger trigger) throws IOException {
                trigger.submitResponse(pages.openPage(path));
              }

              // A response factory's response has no entity: it holds nothing.
              void notImplemented(HttpServerRequestHandler.ResponseTrigger trigger) {
                ClassicHttpResponse response = responses.newHttpResponse(501);
                response.setCode(501);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveHttpCoreResponseNeverSubmitted() {
    // Only a submitted response is the server's.
    helper
        .addSourceLines("org/apache/hc/core5/http/ClassicHttpResponse.java", CLASSIC_HTTP_RESPONSE)
        .addSourceLines("org/apache/hc/core5/http/HttpResponseFactory.java", RESPONSE_FACTORY)
        .addSourceLines("com/example/Pages.java", PAGES)
        .addSourceLines(
            "org/apache/hc/core5/http/io/HttpServerRequestHandler.java", REQUEST_HANDLER)
        .addSourceLines(
            "T.java",
            """
            import com.example.Pages;
            import java.io.IOException;
            import org.apache.hc.core5.http.ClassicHttpResponse;
            import org.apache.hc.core5.http.io.HttpServerRequestHandler;
            class T {
              Pages pages;

              void handle(String path, HttpServerRequestHandler.ResponseTrigger trigger)
                  throws IOException {
                // BUG: Diagnostic contains: `response` (ClassicHttpResponse) is not closed
                ClassicHttpResponse response = pages.openPage(path);
                if (path.isEmpty()) {
                  return;
                }
                trigger.submitResponse(response);
              }
            }
            """)
        .doTest();
  }

  private static final String[] POOL_ENTRY = {
    "package org.apache.hc.core5.pool;",
    "public final class PoolEntry<T, C extends java.io.Closeable> {",
    "  public C getConnection() { return null; }",
    "  public void assignConnection(C conn) {}",
    "  public void discardConnection() {}",
    "}"
  };

  private static final String[] CONNECTION = {
    "package com.example;",
    "public interface Connection extends java.io.Closeable {",
    "  void send(String request) throws java.io.IOException;",
    "}"
  };

  private static final String[] CONNECTION_FACTORY = {
    "package com.example;",
    "public interface ConnectionFactory {",
    "  Connection createConnection(java.net.Socket socket) throws java.io.IOException;",
    "}"
  };

  @Test
  void negativeHttpCorePoolEntryKeepsAssignedConnection() {
    helper
        .addSourceLines("org/apache/hc/core5/pool/PoolEntry.java", POOL_ENTRY)
        .addSourceLines("com/example/Connection.java", CONNECTION)
        .addSourceLines("com/example/ConnectionFactory.java", CONNECTION_FACTORY)
        .addSourceLines(
            "T.java",
            """
            import com.example.Connection;
            import com.example.ConnectionFactory;
            import java.io.IOException;
            import java.net.Socket;
            import org.apache.hc.core5.pool.PoolEntry;
            class T {
              ConnectionFactory factory;

              void execute(PoolEntry<String, Connection> entry, String request) throws IOException {
                try {
                  Connection connection = entry.getConnection();
                  if (connection == null) {
                    Socket sock = new Socket();
                    try {
                      connection = factory.createConnection(sock);
                      entry.assignConnection(connection);
                    } catch (IOException | RuntimeException ex) {
                      sock.close();
                      throw ex;
                    }
                  }
                  connection.send(request);
                } catch (IOException | RuntimeException ex) {
                  entry.discardConnection();
                  throw ex;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveHttpCoreConnectionBeforeItsAssignment() {
    // The entry keeps the connection from the assignment on: a failure before it leaks the socket.
    helper
        .addSourceLines("org/apache/hc/core5/pool/PoolEntry.java", POOL_ENTRY)
        .addSourceLines("com/example/Connection.java", CONNECTION)
        .addSourceLines("com/example/ConnectionFactory.java", CONNECTION_FACTORY)
        .addSourceLines(
            "T.java",
            """
            import com.example.Connection;
            import com.example.ConnectionFactory;
            import java.io.IOException;
            import java.net.Socket;
            import org.apache.hc.core5.pool.PoolEntry;
            class T {
              ConnectionFactory factory;

              void connect(PoolEntry<String, Connection> entry, String hello) throws IOException {
                // BUG: Diagnostic contains: `sock` (Socket) is not closed if
                Socket sock = new Socket();
                Connection connection = factory.createConnection(sock);
                connection.send(hello);
                entry.assignConnection(connection);
              }
            }
            """)
        .doTest();
  }

  private static final String[] RANDOM_ACCESS_READ = {
    "package org.apache.pdfbox.io;",
    "public interface RandomAccessRead extends java.io.Closeable {",
    "  long length() throws java.io.IOException;",
    "  RandomAccessReadView createView(long start, long length) throws java.io.IOException;",
    "}"
  };

  private static final String[] RANDOM_ACCESS_READ_VIEW = {
    "package org.apache.pdfbox.io;",
    "public class RandomAccessReadView implements RandomAccessRead {",
    "  public RandomAccessReadView(RandomAccessRead source, long start, long length) {}",
    "  public RandomAccessReadView(",
    "      RandomAccessRead source, long start, long length, boolean closeInput) {}",
    "  @Override public long length() { return 0; }",
    "  @Override public RandomAccessReadView createView(long start, long length) {",
    "    return null;",
    "  }",
    "  @Override public void close() {}",
    "}"
  };

  private static final String[] RANDOM_ACCESS_READ_BUFFERED_FILE = {
    "package org.apache.pdfbox.io;",
    "public class RandomAccessReadBufferedFile implements RandomAccessRead {",
    "  public RandomAccessReadBufferedFile(java.io.File file) throws java.io.IOException {}",
    "  @Override public long length() { return 0; }",
    "  @Override public RandomAccessReadView createView(long start, long length) {",
    "    return null;",
    "  }",
    "  @Override public void close() {}",
    "}"
  };

  private static final String[] COS_PARSER = {
    "package org.apache.pdfbox.cos;",
    "public interface ICOSParser {",
    "  org.apache.pdfbox.io.RandomAccessReadView createRandomAccessReadView(",
    "      long startPosition, long streamLength) throws java.io.IOException;",
    "}"
  };

  private static final String[] STREAM_HOLDER = {
    "package com.example;",
    "public class Stream {",
    "  public Stream(org.apache.pdfbox.io.RandomAccessReadView view) throws java.io.IOException {}",
    "}"
  };

  @Test
  void negativePdfboxViewsHoldNothing() {
    // A view made by createView(position, length) reads its source and closing it releases
    // nothing: the source stays its owner's to close.
    helper
        .addSourceLines("org/apache/pdfbox/io/RandomAccessRead.java", RANDOM_ACCESS_READ)
        .addSourceLines("org/apache/pdfbox/io/RandomAccessReadView.java", RANDOM_ACCESS_READ_VIEW)
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessReadBufferedFile.java",
            RANDOM_ACCESS_READ_BUFFERED_FILE)
        .addSourceLines("org/apache/pdfbox/cos/ICOSParser.java", COS_PARSER)
        .addSourceLines("com/example/Stream.java", STREAM_HOLDER)
        .addSourceLines(
            "T.java",
            """
            import com.example.Stream;
            import java.io.IOException;
            import org.apache.pdfbox.cos.ICOSParser;
            import org.apache.pdfbox.io.RandomAccessRead;
            import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
            import org.apache.pdfbox.io.RandomAccessReadView;
            class T {
              ICOSParser parser;
              RandomAccessReadBufferedFile file;

              Stream stream(long offset, long length) throws IOException {
                return new Stream(parser.createRandomAccessReadView(offset, length));
              }

              long sectionLength(RandomAccessRead source, long offset) throws IOException {
                RandomAccessReadView view = source.createView(offset, 16);
                return view.length();
              }

              long fileSection(long offset) throws IOException {
                return file.createView(offset, 16).length();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positivePdfboxViewOwningItsSourceAndSourceOfAView() {
    // A view made with closeInput true wraps its source; the source of a view is still a resource.
    helper
        .addSourceLines("org/apache/pdfbox/io/RandomAccessRead.java", RANDOM_ACCESS_READ)
        .addSourceLines("org/apache/pdfbox/io/RandomAccessReadView.java", RANDOM_ACCESS_READ_VIEW)
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessReadBufferedFile.java",
            RANDOM_ACCESS_READ_BUFFERED_FILE)
        .addSourceLines(
            "T.java",
            """
            import java.io.File;
            import java.io.IOException;
            import org.apache.pdfbox.io.RandomAccessRead;
            import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
            import org.apache.pdfbox.io.RandomAccessReadView;
            class T {
              long owningView(File f) throws IOException {
                // BUG: Diagnostic contains: `file` (RandomAccessReadBufferedFile) is not closed
                RandomAccessRead file = new RandomAccessReadBufferedFile(f);
                RandomAccessRead view = new RandomAccessReadView(file, 0, 16, true);
                return view.length();
              }

              long viewOfAFile(File f) throws IOException {
                // BUG: Diagnostic contains: `source` (RandomAccessReadBufferedFile) is not closed
                RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(f);
                try (RandomAccessReadView view = source.createView(0, 16)) {
                  return view.length();
                }
              }
            }
            """)
        .doTest();
  }

  private static final String[] XML_UTIL = {
    "package org.apache.pdfbox.util;",
    "public final class XMLUtil {",
    "  public static org.w3c.dom.Document parse(java.io.InputStream is) throws java.io.IOException {",
    "    return null;",
    "  }",
    "}"
  };

  @Test
  void negativePdfboxXmlUtilParseClosesItsStream() {
    helper
        .addSourceLines("org/apache/pdfbox/util/XMLUtil.java", XML_UTIL)
        .addSourceLines(
            "T.java",
            """
            import java.io.BufferedInputStream;
            import java.io.File;
            import java.io.FileInputStream;
            import java.io.IOException;
            import org.apache.pdfbox.util.XMLUtil;
            import org.w3c.dom.Document;
            class T {
              Document load(File file) throws IOException {
                return XMLUtil.parse(new BufferedInputStream(new FileInputStream(file)));
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativePdfboxBuffersInMemory() {
    helper
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessRead.java",
            "package org.apache.pdfbox.io;",
            "public interface RandomAccessRead extends java.io.Closeable {",
            "  long length() throws java.io.IOException;",
            "  void seek(long position) throws java.io.IOException;",
            "}")
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessReadBuffer.java",
            "package org.apache.pdfbox.io;",
            "public class RandomAccessReadBuffer implements RandomAccessRead {",
            "  protected RandomAccessReadBuffer() {}",
            "  public RandomAccessReadBuffer(byte[] input) {}",
            "  public RandomAccessReadBuffer(java.io.InputStream input) throws java.io.IOException {}",
            "  public static RandomAccessReadBuffer createBufferFromStream(java.io.InputStream in)",
            "      throws java.io.IOException {",
            "    try (in) {",
            "      return new RandomAccessReadBuffer(in);",
            "    }",
            "  }",
            "  @Override public long length() { return 0; }",
            "  @Override public void seek(long position) {}",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessReadWriteBuffer.java",
            "package org.apache.pdfbox.io;",
            "public class RandomAccessReadWriteBuffer extends RandomAccessReadBuffer {",
            "  public RandomAccessReadWriteBuffer(int chunkSize) {}",
            "}")
        .addSourceLines(
            "org/apache/pdfbox/io/RandomAccessOutputStream.java",
            "package org.apache.pdfbox.io;",
            "public class RandomAccessOutputStream extends java.io.OutputStream {",
            "  public RandomAccessOutputStream(RandomAccessReadWriteBuffer buffer) {}",
            "  @Override public void write(int b) {}",
            "}")
        .addSourceLines(
            "T.java",
            """
            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import org.apache.pdfbox.io.RandomAccessOutputStream;
            import org.apache.pdfbox.io.RandomAccessRead;
            import org.apache.pdfbox.io.RandomAccessReadBuffer;
            import org.apache.pdfbox.io.RandomAccessReadWriteBuffer;
            class T {
              RandomAccessReadWriteBuffer decode(InputStream input, int passes) throws IOException {
                RandomAccessReadWriteBuffer buffer = null;
                for (int i = 0; i < passes; i++) {
                  buffer = new RandomAccessReadWriteBuffer(4096);
                  OutputStream output = new RandomAccessOutputStream(buffer);
                  output.write(input.read());
                }
                if (buffer != null) {
                  buffer.seek(0);
                }
                return buffer;
              }

              long size(byte[] pdf) throws IOException {
                RandomAccessRead source = new RandomAccessReadBuffer(pdf);
                return source.length();
              }

              RandomAccessReadBuffer copy(String name) throws IOException {
                return RandomAccessReadBuffer.createBufferFromStream(new FileInputStream(name));
              }

              // The stream that a buffer is made from is still the method's until the buffer is.
              RandomAccessReadBuffer lastResort() throws IOException {
                // BUG: Diagnostic contains: `in` (InputStream) is not closed if `new RandomAccessReadBuffer(...)` throws
                InputStream in = T.class.getResourceAsStream("/font.ttf");
                if (in == null) {
                  throw new IOException("not found");
                }
                RandomAccessReadBuffer buffer = new RandomAccessReadBuffer(in);
                return buffer;
              }

              long read(String name) throws IOException {
                // BUG: Diagnostic contains: `in` (FileInputStream) is not closed
                FileInputStream in = new FileInputStream(name);
                RandomAccessReadBuffer buffer = new RandomAccessReadBuffer(in.readAllBytes());
                return buffer.length();
              }
            }
            """)
        .doTest();
  }

  private static final String[] SIGNATURE_OPTIONS = {
    "package org.apache.pdfbox.pdmodel.interactive.digitalsignature;",
    "public class SignatureOptions implements java.io.Closeable {",
    "  public void setPage(int page) {}",
    "  public void setPreferredSignatureSize(int size) {}",
    "  public void setVisualSignature(java.io.File file) throws java.io.IOException {}",
    "  public void setVisualSignature(java.io.InputStream is) throws java.io.IOException {}",
    "  @Override public void close() throws java.io.IOException {}",
    "}"
  };

  private static final String[] PD_DOCUMENT = {
    "package org.apache.pdfbox.pdmodel;",
    "import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;",
    "public class PDDocument implements java.io.Closeable {",
    "  public void addSignature(Object signature, SignatureOptions options) {}",
    "  public void saveIncremental(java.io.OutputStream out) throws java.io.IOException {}",
    "  @Override public void close() {}",
    "}"
  };

  @Test
  void negativePdfboxEmptySignatureOptionsHoldNothing() {
    // Options made with `new` hold a page number and a size until setVisualSignature(...) is
    // called: PDDocument.addSignature(sig, iface) passes `new SignatureOptions()` on and drops it.
    helper
        .addSourceLines(
            "org/apache/pdfbox/pdmodel/interactive/digitalsignature/SignatureOptions.java",
            SIGNATURE_OPTIONS)
        .addSourceLines("org/apache/pdfbox/pdmodel/PDDocument.java", PD_DOCUMENT)
        .addSourceLines(
            "T.java",
            """
            import java.io.IOException;
            import java.io.OutputStream;
            import org.apache.pdfbox.pdmodel.PDDocument;
            import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
            class T {
              void sign(PDDocument doc, Object signature) {
                doc.addSignature(signature, new SignatureOptions());
              }

              void signOnPage(PDDocument doc, Object signature, int page, OutputStream out)
                  throws IOException {
                SignatureOptions options = new SignatureOptions();
                SignatureOptions same = options;
                same.setPage(page);
                options.setPreferredSignatureSize(0x4000);
                doc.addSignature(signature, options);
                doc.saveIncremental(out);
              }

              private SignatureOptions onPage(int page) {
                SignatureOptions options = new SignatureOptions();
                options.setPage(page);
                return options;
              }

              void signAll(PDDocument doc, Object signature, int pages) {
                for (int i = 0; i < pages; i++) {
                  doc.addSignature(signature, onPage(i));
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positivePdfboxSignatureOptionsWithVisualSignature() {
    // Once given a visual signature, options hold its document (an open file for
    // setVisualSignature(File)) until closed, whichever alias or same-file helper gave it.
    helper
        .addSourceLines(
            "org/apache/pdfbox/pdmodel/interactive/digitalsignature/SignatureOptions.java",
            SIGNATURE_OPTIONS)
        .addSourceLines("org/apache/pdfbox/pdmodel/PDDocument.java", PD_DOCUMENT)
        .addSourceLines(
            "T.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import org.apache.pdfbox.pdmodel.PDDocument;
            import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
            class T {
              void sign(PDDocument doc, Object signature, File image) throws IOException {
                // BUG: Diagnostic contains: `options` (SignatureOptions) is not closed
                SignatureOptions options = new SignatureOptions();
                options.setVisualSignature(image);
                doc.addSignature(signature, options);
              }

              void viaAlias(PDDocument doc, Object signature, InputStream image) throws IOException {
                // BUG: Diagnostic contains: `options` (SignatureOptions) is not closed
                SignatureOptions options = new SignatureOptions();
                SignatureOptions same = options;
                same.setVisualSignature(image);
                doc.addSignature(signature, options);
              }

              void onSomePath(PDDocument doc, Object signature, File image) throws IOException {
                // BUG: Diagnostic contains: `options` (SignatureOptions) is not closed
                SignatureOptions options = new SignatureOptions();
                if (image != null) {
                  options.setVisualSignature(image);
                }
                doc.addSignature(signature, options);
              }

              private static void visual(SignatureOptions options, File image) throws IOException {
                options.setVisualSignature(image);
              }

              void viaHelper(PDDocument doc, Object signature, File image) throws IOException {
                // BUG: Diagnostic contains: `options` (SignatureOptions) is not closed
                SignatureOptions options = new SignatureOptions();
                visual(options, image);
                doc.addSignature(signature, options);
              }

              // A setVisualSignature(File) that fails to parse the file leaves it open in the
              // options: they hold something from the call on, whether it returns or throws.
              private SignatureOptions withImage(File image) throws IOException {
                // BUG: Diagnostic contains: is not closed if `options.setVisualSignature()` throws
                SignatureOptions options = new SignatureOptions();
                options.setVisualSignature(image);
                return options;
              }

              void fromHelper(PDDocument doc, Object signature, File image) throws IOException {
                // BUG: Diagnostic contains: the SignatureOptions opened here is passed to
                doc.addSignature(signature, withImage(image));
              }

              private static SignatureOptions onPage(int page) {
                SignatureOptions options = new SignatureOptions();
                options.setPage(page);
                return options;
              }

              void emptyFromHelper(PDDocument doc, Object signature, File image) throws IOException {
                // BUG: Diagnostic contains: `options` (SignatureOptions) is not closed
                SignatureOptions options = onPage(2);
                options.setVisualSignature(image);
                doc.addSignature(signature, options);
              }

              void inLoop(PDDocument doc, Object signature, File[] images) throws IOException {
                for (File image : images) {
                  // BUG: Diagnostic contains: `options` (SignatureOptions) is still open when line
                  SignatureOptions options = new SignatureOptions();
                  options.setVisualSignature(image);
                  doc.addSignature(signature, options);
                }
              }

              void closedOnlyOnSuccess(PDDocument doc, Object signature, File image, OutputStream out)
                  throws IOException {
                // BUG: Diagnostic contains: `options` (SignatureOptions) is not closed if
                SignatureOptions options = new SignatureOptions();
                options.setVisualSignature(image);
                doc.addSignature(signature, options);
                doc.saveIncremental(out);
                options.close();
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativePdfboxSignatureOptionsClosedAfterVisualSignature() {
    helper
        .addSourceLines(
            "org/apache/pdfbox/pdmodel/interactive/digitalsignature/SignatureOptions.java",
            SIGNATURE_OPTIONS)
        .addSourceLines("org/apache/pdfbox/pdmodel/PDDocument.java", PD_DOCUMENT)
        .addSourceLines(
            "T.java",
            """
            import java.io.File;
            import java.io.IOException;
            import java.io.OutputStream;
            import org.apache.pdfbox.pdmodel.PDDocument;
            import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
            class T {
              void sign(PDDocument doc, Object signature, File image, OutputStream out)
                  throws IOException {
                try (SignatureOptions options = new SignatureOptions()) {
                  options.setVisualSignature(image);
                  doc.addSignature(signature, options);
                  doc.saveIncremental(out);
                }
              }

              void closedThroughAlias(PDDocument doc, Object signature, File image, OutputStream out)
                  throws IOException {
                SignatureOptions options = new SignatureOptions();
                SignatureOptions same = options;
                try {
                  options.setVisualSignature(image);
                  doc.addSignature(signature, options);
                  doc.saveIncremental(out);
                } finally {
                  same.close();
                }
              }

              SignatureOptions handedToCaller(File image) throws IOException {
                SignatureOptions options = new SignatureOptions();
                try {
                  options.setVisualSignature(image);
                } catch (IOException e) {
                  options.close();
                  throw e;
                }
                return options;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positivePdfboxSignatureOptionsInAFieldStayOwned() {
    // A field's options may be given a visual signature by any method (or any caller that reaches
    // the field), so a class that makes them keeps them as a resource it must close.
    helper
        .addSourceLines(
            "org/apache/pdfbox/pdmodel/interactive/digitalsignature/SignatureOptions.java",
            SIGNATURE_OPTIONS)
        .addSourceLines(
            "T.java",
            """
            import java.io.Closeable;
            import java.io.File;
            import java.io.IOException;
            import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
            class T implements Closeable {
              // BUG: Diagnostic contains: [UnclosedResourceField]
              private final SignatureOptions options = new SignatureOptions();

              void image(File image) throws IOException {
                options.setVisualSignature(image);
              }

              @Override
              public void close() {}
            }
            """)
        .doTest();
  }

  // H2's engine hands triggers and functions a JdbcConnection over the caller's session;
  // closing it would close that session. SessionLocal is no API, so the H2 build says it.
  private static final String H2_MODEL =
      "# the connection is a view on the session: closing it closes the session\n"
          + "alias org.h2.engine.SessionLocal#createConnection\n";

  private static final String[] H2_SESSION = {
    "package org.h2.engine;",
    "public class SessionLocal implements AutoCloseable {",
    "  public java.sql.Connection createConnection(boolean columnList) { return null; }",
    "  @Override public void close() {}",
    "}"
  };

  private static final String[] H2_TRIGGER = {
    "import java.sql.Connection;",
    "import java.sql.SQLException;",
    "import org.h2.engine.SessionLocal;",
    "class T {",
    "  // BUG: Diagnostic contains: [UnclosedResourceField]",
    "  private Connection userConnection;",
    "  void fire(SessionLocal session) throws SQLException {",
    "    // BUG: Diagnostic contains: `c2` (Connection) is not closed",
    "    Connection c2 = session.createConnection(false);",
    "    c2.setAutoCommit(false);",
    "  }",
    "  void init(SessionLocal session) {",
    "    userConnection = session.createConnection(false);",
    "  }",
    "}"
  };

  @Test
  void positiveH2InternalConnectionWithoutProjectModel() {
    helper
        .addSourceLines("org/h2/engine/SessionLocal.java", H2_SESSION)
        .addSourceLines("T.java", H2_TRIGGER)
        .doTest();
  }

  @Test
  void negativeH2InternalConnectionWithProjectModel() throws IOException {
    Path model = Files.writeString(dir.resolve("h2.model"), H2_MODEL);
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:ModelFiles=" + model)
        .addSourceLines("org/h2/engine/SessionLocal.java", H2_SESSION)
        .addSourceLines("T.java", withoutMarkers(H2_TRIGGER))
        .expectNoDiagnostics()
        .doTest();
  }

  // Commons Compress's package-private stream bridge is released by stop(); only Commons
  // Compress itself can call it, so its build says so.
  private static final String COMPRESS_MODEL =
      "release org.apache.commons.compress.compressors.pack200.AbstractStreamBridge#stop\n";

  private static final String[] STREAM_BRIDGE = {
    "package org.apache.commons.compress.compressors.pack200;",
    "abstract class AbstractStreamBridge extends java.io.FilterOutputStream {",
    "  AbstractStreamBridge() { super(null); }",
    "  abstract java.io.InputStream getInputStream() throws java.io.IOException;",
    "  void stop() throws java.io.IOException { close(); }",
    "}"
  };

  private static final String[] PACK200_INPUT = {
    "package org.apache.commons.compress.compressors.pack200;",
    "import java.io.IOException;",
    "import java.io.InputStream;",
    "public class Pack200CompressorInputStream extends InputStream {",
    "  // BUG: Diagnostic contains: [UnclosedResourceField]",
    "  private final AbstractStreamBridge abstractStreamBridge;",
    "  Pack200CompressorInputStream(Factory factory) {",
    "    abstractStreamBridge = factory.newStreamBridge();",
    "  }",
    "  @Override public int read() throws IOException {",
    "    return abstractStreamBridge.getInputStream().read();",
    "  }",
    "  @Override public void close() throws IOException {",
    "    abstractStreamBridge.stop();",
    "  }",
    "  interface Factory {",
    "    AbstractStreamBridge newStreamBridge();",
    "  }",
    "}"
  };

  @Test
  void positiveCompressStreamBridgeWithoutProjectModel() {
    helper
        .addSourceLines(
            "org/apache/commons/compress/compressors/pack200/AbstractStreamBridge.java",
            STREAM_BRIDGE)
        .addSourceLines(
            "org/apache/commons/compress/compressors/pack200/Pack200CompressorInputStream.java",
            PACK200_INPUT)
        .doTest();
  }

  @Test
  void negativeCompressStreamBridgeWithProjectModel() throws IOException {
    Path model = Files.writeString(dir.resolve("compress.model"), COMPRESS_MODEL);
    CompilationTestHelper.newInstance(Checks.LEAKS, getClass())
        .setArgs("-XepOpt:Leakproof:ModelFiles=" + model)
        .addSourceLines(
            "org/apache/commons/compress/compressors/pack200/AbstractStreamBridge.java",
            STREAM_BRIDGE)
        .addSourceLines(
            "org/apache/commons/compress/compressors/pack200/Pack200CompressorInputStream.java",
            withoutMarkers(PACK200_INPUT))
        .expectNoDiagnostics()
        .doTest();
  }

  private static String[] withoutMarkers(String[] lines) {
    return java.util.Arrays.stream(lines).filter(l -> !l.contains("BUG:")).toArray(String[]::new);
  }
}
