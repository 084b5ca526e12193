package testdata.resourceleak;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.checkerframework.checker.mustcall.qual.InheritableMustCall;
import org.checkerframework.checker.mustcall.qual.MustCall;

/** Resources by annotation that are released, and objects that @MustCall({}) declares no resources. */
public class NegativeAnnotatedMustCall {

  /** Keeps a distributed lock alive until stopped; not AutoCloseable. */
  @InheritableMustCall("stop")
  static class LockKeepAlive {
    private final String lockName;
    private volatile boolean running;

    LockKeepAlive(String lockName) {
      this.lockName = lockName;
    }

    void start() {
      running = true;
    }

    String lockName() {
      return lockName;
    }

    void stop() {
      running = false;
    }
  }

  /** A keep-alive that also reports to a monitor; inherits the obligation. */
  static final class MonitoredLockKeepAlive extends LockKeepAlive {
    MonitoredLockKeepAlive(String lockName) {
      super(lockName);
    }
  }

  /** Files staged for a deployment; must end with commit() or rollback(). */
  @MustCall({"commit", "rollback"})
  static final class DeployStagingArea {
    private final Path dir;
    private final List<Path> staged = new ArrayList<>();

    DeployStagingArea(Path dir) {
      this.dir = dir;
    }

    void add(Path file) throws IOException {
      staged.add(Files.copy(file, dir.resolve(file.getFileName())));
    }

    void commit() throws IOException {
      Files.writeString(dir.resolve("COMMITTED"), String.valueOf(staged.size()));
    }

    void rollback() {
      staged.clear();
    }
  }

  /** Measures elapsed time; close() only logs, so callers may declare it @MustCall({}). */
  static final class ElapsedClock implements AutoCloseable {
    private final long startNanos = System.nanoTime();

    long elapsedMillis() {
      return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
      System.out.println("elapsed " + elapsedMillis() + " ms");
    }
  }

  /** An output stream that throws bytes away and holds nothing. */
  @MustCall({})
  static final class NullByteSink extends OutputStream {
    private long written;

    @Override
    public void write(int b) {
      written++;
    }

    long written() {
      return written;
    }
  }

  private long work;

  private static @MustCall({}) ElapsedClock startClock() {
    return new ElapsedClock(); // ok: returned to the caller
  }

  public void renewWhileWorking(String lock, List<String> tasks) {
    LockKeepAlive keepAlive = new LockKeepAlive(lock); // ok: stopped in finally
    keepAlive.start();
    try {
      for (String t : tasks) {
        work += t.length();
      }
    } finally {
      keepAlive.stop();
    }
  }

  public void syncUnderLock(String lock, Path from, Path to) throws IOException {
    MonitoredLockKeepAlive keepAlive = new MonitoredLockKeepAlive(lock); // ok: the inherited obligation is met in finally
    keepAlive.start();
    try {
      Files.copy(from, to);
    } finally {
      keepAlive.stop();
    }
  }

  public void deploy(Path deployDir, List<Path> files) throws IOException {
    DeployStagingArea stage = new DeployStagingArea(deployDir); // ok: rollback() on failure, commit() on success
    try {
      for (Path f : files) {
        stage.add(f);
      }
    } catch (IOException e) {
      stage.rollback();
      throw e;
    }
    stage.commit();
  }

  public void abandon(Path deployDir) {
    DeployStagingArea stage = new DeployStagingArea(deployDir); // ok: rollback() is one of its must-call methods
    stage.rollback();
  }

  public LockKeepAlive acquireFor(String lock) {
    LockKeepAlive keepAlive = new LockKeepAlive(lock); // ok: returned to the caller
    keepAlive.start();
    return keepAlive;
  }

  public void acquireAll(List<String> locks, Collection<LockKeepAlive> held) {
    for (String lock : locks) {
      LockKeepAlive keepAlive = new LockKeepAlive(lock); // ok: added to the caller's collection
      keepAlive.start();
      held.add(keepAlive);
    }
  }

  public void withLock(String lock, Runnable action) {
    LockKeepAlive keepAlive = new LockKeepAlive(lock); // ok: stopped by a same-file helper
    keepAlive.start();
    action.run();
    release(keepAlive);
  }

  public long timedImport(List<String> rows) {
    @MustCall({}) ElapsedClock clock = new ElapsedClock(); // ok: declared @MustCall({}) at the use site
    work += rows.size();
    return clock.elapsedMillis();
  }

  public long timedExport(List<String> rows) {
    ElapsedClock clock = startClock(); // ok: the factory's return type is @MustCall({})
    work += rows.size();
    return clock.elapsedMillis();
  }

  public long dryRun(List<byte[]> records) throws IOException {
    NullByteSink sink = new NullByteSink(); // ok: its class is @MustCall({})
    for (byte[] r : records) {
      sink.write(r);
    }
    return sink.written();
  }

  private static void release(LockKeepAlive keepAlive) {
    keepAlive.stop();
  }
}
