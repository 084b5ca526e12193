package dev.leakproof.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Built-in model entries for libraries other than the JDK, against stand-ins that have the
 * libraries' names and shapes: each source would give a finding without its entry.
 */
class LibraryModelTest {
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
}
