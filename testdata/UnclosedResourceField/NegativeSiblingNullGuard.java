package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * close() tests one owned field for null and releases its siblings under that test: the field is
 * set at construction and set to null only by close(), after the test, so null means an earlier
 * close() ran.
 */
public class NegativeSiblingNullGuard {

  /** Two sessions made together and closed together; the system one marks the open state. */
  static final class Engine implements Closeable {
    private Session systemSession;
    private Session lobSession;

    Engine(String name) {
      try {
        systemSession = open(name);
        lobSession = open(name + "-lob");
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot open " + name, e);
      }
    }

    private static Session open(String name) {
      return new Session(name);
    }

    Session system() {
      return systemSession;
    }

    @Override
    public void close() {
      closeImpl(false);
    }

    private void closeImpl(boolean fromShutdownHook) {
      try {
        if (systemSession != null) {
          if (lobSession != null) {
            lobSession.close();
            lobSession = null;
          }
          systemSession.close();
          systemSession = null;
        }
      } catch (IllegalStateException e) {
        System.err.println("close failed: " + e.getMessage());
      }
    }
  }

  /** A journal and its index opened with the object; close() is safe to call twice. */
  static final class Journal implements Closeable {
    private OutputStream data;
    private final OutputStream index;

    Journal(Path dir) throws IOException {
      this.data = Files.newOutputStream(dir.resolve("data"));
      try {
        this.index = Files.newOutputStream(dir.resolve("index"));
      } catch (IOException e) {
        data.close();
        throw e;
      }
    }

    void append(byte[] record) throws IOException {
      data.write(record);
      index.write(record.length);
    }

    @Override
    public void close() throws IOException {
      if (data != null) {
        try {
          index.close();
        } finally {
          data.close();
          data = null;
        }
      }
    }
  }

  /** A source that reads from a stream and keeps a lookup stream beside it. */
  static final class Source implements Closeable {
    private InputStream main = new java.io.FileInputStream("main.bin");
    private InputStream lookup = new java.io.FileInputStream("lookup.bin");

    Source() throws IOException {}

    int next() throws IOException {
      return main.read() ^ lookup.read();
    }

    @Override
    public void close() throws IOException {
      if (main != null) {
        lookup.close();
        main.close();
        main = null;
      }
    }
  }

  static final class Session implements Closeable {
    private final String name;

    Session(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      System.out.println("closed " + name);
    }
  }
}
