package testdata.unclosedresourcefield;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Objects shared by users, whose close() does nothing while users remain: the class closes itself
 * when the last user leaves, so an early return on "users remain" is no leak.
 */
class NegativeLastUserCloses {

  /** A store opened by several sessions; the last session to leave closes it. */
  static final class SharedStore implements Closeable {
    private final Set<Object> sessions = new HashSet<>();
    private final FileChannel channel; // ok: released by the close() that the last session makes
    private boolean closing;

    SharedStore(Path file) throws IOException {
      this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    synchronized void attach(Object session) {
      sessions.add(session);
    }

    synchronized void detach(Object session) throws IOException {
      sessions.remove(session);
      if (sessions.isEmpty()) {
        close();
      }
    }

    @Override
    public synchronized void close() throws IOException {
      if (closing || !sessions.isEmpty()) {
        return;
      }
      closing = true;
      channel.close();
    }
  }

  /** The same protocol, with the test in a helper that a shutdown hook calls with force. */
  static final class SharedLog {
    private final Set<Thread> writers = new HashSet<>();
    private final OutputStream out; // ok: released by the close() that the last writer makes
    private boolean closing;

    SharedLog(Path file) throws IOException {
      this.out = Files.newOutputStream(file);
    }

    synchronized void leave(Thread writer) throws IOException {
      writers.remove(writer);
      if (writers.isEmpty()) {
        close();
      }
    }

    void close() throws IOException {
      close(false);
    }

    void onShutdown() throws IOException {
      close(true);
    }

    private void close(boolean fromShutdownHook) throws IOException {
      synchronized (this) {
        if (closing || !fromShutdownHook && !writers.isEmpty()) {
          return;
        }
        closing = true;
      }
      out.close();
    }
  }
}
