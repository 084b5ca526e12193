package testdata.resourceleak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.mustcall.qual.InheritableMustCall;
import org.checkerframework.checker.mustcall.qual.MustCall;

/** Lease heartbeats and staging areas: resources by annotation that callers forget to release. */
public class PositiveAnnotatedMustCall {

  /** Renews a lease in the background until stopped; not AutoCloseable. */
  @InheritableMustCall("stop")
  static class LeaseHeartbeat {
    private final String lease;
    private final Duration period;
    private volatile boolean running;

    LeaseHeartbeat(String lease, Duration period) {
      this.lease = lease;
      this.period = period;
    }

    void start() {
      running = true;
    }

    boolean isRunning() {
      return running;
    }

    String describe() {
      return lease + " every " + period;
    }

    void stop() {
      running = false;
    }
  }

  /** A heartbeat that shortens its period under load; inherits the must-call obligation. */
  static final class AdaptiveLeaseHeartbeat extends LeaseHeartbeat {
    AdaptiveLeaseHeartbeat(String lease) {
      super(lease, Duration.ofSeconds(2));
    }
  }

  /** Files staged for a release; must end with commit() or rollback(). */
  @MustCall({"commit", "rollback"})
  static final class ReleaseStagingArea {
    private final Path dir;
    private final List<Path> staged = new ArrayList<>();

    ReleaseStagingArea(Path dir) {
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

  /** Times a phase and logs the duration on close; not annotated, so it is a resource. */
  static final class PhaseTimer implements AutoCloseable {
    private final String phase;
    private final long startNanos = System.nanoTime();

    PhaseTimer(String phase) {
      this.phase = phase;
    }

    @Override
    public void close() {
      System.out.println(phase + " took " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }
  }

  private int processed;

  public void renewWhileWorking(String lease, List<String> tasks) {
    // BUG: Diagnostic contains: [ResourceLeak]
    LeaseHeartbeat hb = new LeaseHeartbeat(lease, Duration.ofSeconds(10)); // leak: never stopped
    hb.start();
    for (String task : tasks) {
      processed += task.length();
    }
  }

  public void syncUnderLease(String lease, Path from, Path to) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    LeaseHeartbeat hb = new LeaseHeartbeat(lease, Duration.ofSeconds(10)); // leak: Files.copy() can throw before stop()
    hb.start();
    Files.copy(from, to);
    hb.stop();
  }

  public boolean migrate(String lease, boolean dryRun) {
    // BUG: Diagnostic contains: [ResourceLeak]
    AdaptiveLeaseHeartbeat hb = new AdaptiveLeaseHeartbeat(lease); // leak: the inherited obligation is not met on the dry-run path
    hb.start();
    if (dryRun) {
      return false;
    }
    processed++;
    hb.stop();
    return true;
  }

  public void publish(Path releaseDir, List<Path> files) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ReleaseStagingArea stage = new ReleaseStagingArea(releaseDir); // leak: neither commit() nor rollback() when there is nothing to publish
    if (files.isEmpty()) {
      return;
    }
    for (Path f : files) {
      stage.add(f);
    }
    stage.commit();
  }

  public void publishAll(Path releaseDir, List<Path> files) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ReleaseStagingArea stage = new ReleaseStagingArea(releaseDir); // leak: add() can throw before commit() or rollback()
    for (Path f : files) {
      stage.add(f);
    }
    stage.commit();
  }

  public void exportPhase(List<String> rows) {
    // BUG: Diagnostic contains: [ResourceLeak]
    PhaseTimer timer = new PhaseTimer("export"); // leak: an AutoCloseable without @MustCall({}) must be closed
    processed += rows.size();
  }

  public String heartbeatInfo(String lease) {
    // BUG: Diagnostic contains: [ResourceLeak]
    LeaseHeartbeat hb = startHeartbeat(lease); // leak: the factory hands over a started heartbeat that is never stopped
    return hb.describe();
  }

  private static LeaseHeartbeat startHeartbeat(String lease) {
    LeaseHeartbeat hb = new LeaseHeartbeat(lease, Duration.ofSeconds(30)); // ok: returned to the caller
    hb.start();
    return hb;
  }
}
