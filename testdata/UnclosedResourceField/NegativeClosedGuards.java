package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Inflater;

/** Lifecycle methods that release their fields once, behind a test of whether they already did. */
public class NegativeClosedGuards {

  /** The closed flag, set in the guarded branch. */
  static final class EntryReader implements Closeable {
    private final InputStream in;
    private final Inflater inflater = new Inflater(true); // ok: ended in close() unless already closed
    private boolean closed;

    EntryReader(Path file) throws IOException {
      this.in = Files.newInputStream(file); // ok: closed in close() unless already closed
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        try {
          in.close();
        } finally {
          inflater.end();
        }
      }
    }
  }

  /** close() delegates to a helper that tests the flag. */
  static final class SpillFile implements Closeable {
    private final Path target;
    private final OutputStream out;
    private boolean closed;

    SpillFile(Path target) throws IOException {
      this.target = target;
      this.out = Files.newOutputStream(target); // ok: closed by closeForWriting() once
    }

    @Override
    public void close() throws IOException {
      try {
        closeForWriting();
      } finally {
        Files.deleteIfExists(target);
      }
    }

    void closeForWriting() throws IOException {
      if (!closed) {
        out.close();
        closed = true;
      }
    }
  }

  /** A server whose stop() runs once; the flag has another name. */
  static final class ListenerServer {
    private ServerSocket serverSocket;
    private boolean stop;

    void start(int port) throws IOException {
      serverSocket = new ServerSocket(port); // ok: closed by stop() unless already stopped
    }

    void stop() {
      if (!stop) {
        stop = true;
        if (serverSocket != null) {
          try {
            serverSocket.close();
          } catch (IOException e) {
            // logged elsewhere
          }
          serverSocket = null;
        }
      }
    }
  }

  /** The object's own isClosed(). */
  static final class MappedInput extends InputStream {
    private final FileChannel channel;
    private boolean released;

    MappedInput(Path file) throws IOException {
      this.channel = FileChannel.open(file, StandardOpenOption.READ); // ok: closed unless closed
    }

    boolean isClosed() {
      return released;
    }

    @Override
    public int read() {
      return -1;
    }

    @Override
    public void close() throws IOException {
      if (!isClosed()) {
        channel.close();
        released = true;
      }
    }
  }

  /** An AtomicBoolean switched on by the first close(). */
  static final class Reactor implements Closeable {
    private final Selector selector;
    private final AtomicBoolean terminated = new AtomicBoolean();

    Reactor() throws IOException {
      this.selector = Selector.open(); // ok: closed by the first close()
    }

    @Override
    public void close() throws IOException {
      if (terminated.compareAndSet(false, true)) {
        selector.close();
      }
    }
  }

  /** getAndSet(true) says whether it was already closed. */
  static final class Tail implements Closeable {
    private final InputStream in;
    private final AtomicBoolean closed = new AtomicBoolean();

    Tail(String name) throws IOException {
      this.in = new FileInputStream(name); // ok: closed by the first close()
    }

    @Override
    public void close() throws IOException {
      if (closed.getAndSet(true)) {
        return;
      }
      in.close();
    }
  }

  /** A handle that knows whether it is closed. */
  static final class Store implements Closeable {
    private final FileChannel data;
    private boolean closed;

    Store(Path file) throws IOException {
      this.data = FileChannel.open(file, StandardOpenOption.READ); // ok: closed in close()
    }

    boolean isClosed() {
      return closed;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      data.close();
    }
  }

  /** The closed state of the main field stands for the whole object's. */
  static final class Document implements Closeable {
    private final Store store;
    private final Inflater decoder = new Inflater(); // ok: ended with it

    Document(Path file) throws IOException {
      this.store = new Store(file); // ok: closed in close() unless already closed
    }

    @Override
    public void close() throws IOException {
      if (!store.isClosed()) {
        try {
          store.close();
        } finally {
          decoder.end();
        }
      }
    }
  }
}
