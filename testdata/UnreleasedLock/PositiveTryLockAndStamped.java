package testdata.unreleasedlock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * A connection pool and its rate limiter. {@code tryLock()} holds the lock only where it returned
 * true, and a {@link StampedLock} hands out a stamp that must go back to {@code unlockRead}, {@code
 * unlockWrite} or {@code unlock}; each method below loses the lock on one of its paths.
 */
public class PositiveTryLockAndStamped {
  private final Lock poolLock = new ReentrantLock();
  private final ReentrantReadWriteLock limitsLock = new ReentrantReadWriteLock();
  private final StampedLock statsLock = new StampedLock();
  private final Deque<String> idle = new ArrayDeque<>();
  private final Map<String, String> leasedTo = new HashMap<>();
  private final Map<String, String> limits = new HashMap<>();
  private final Map<String, String> quotas = new HashMap<>();
  private DoubleSummaryStatistics waits = new DoubleSummaryStatistics();
  private boolean shuttingDown;

  public String borrowIfFree(String client) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    if (poolLock.tryLock()) { // leak: the empty-pool return keeps the lock it just got
      if (idle.isEmpty()) {
        return "none";
      }
      String connection = idle.pop();
      leasedTo.put(connection, client);
      poolLock.unlock();
      return connection;
    }
    return "busy";
  }

  public boolean giveBack(String connection) throws InterruptedException {
    // BUG: Diagnostic contains: [UnreleasedLock]
    if (poolLock.tryLock(50, TimeUnit.MILLISECONDS)) { // leak: the timed tryLock succeeded, then remove() throws
      leasedTo.remove(connection);
      idle.push(connection);
      poolLock.unlock();
      return true;
    }
    return false;
  }

  public void reap(String connection) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    boolean locked = poolLock.tryLock(); // leak: held where locked is true, lost if remove() throws
    if (locked) {
      idle.remove(connection);
      poolLock.unlock();
    }
  }

  public void drain() {
    // BUG: Diagnostic contains: [UnreleasedLock]
    while (!poolLock.tryLock()) { // leak: after the spin, clear() can throw with the lock held
      Thread.onSpinWait();
    }
    idle.clear();
    poolLock.unlock();
  }

  public boolean setLimit(String client, String limit) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    if (limitsLock.writeLock().tryLock()) { // leak: the shutdown check throws with the write lock held
      if (shuttingDown) {
        throw new IllegalStateException("rate limiter is shutting down");
      }
      limits.put(client, limit);
      limitsLock.writeLock().unlock();
      return true;
    }
    return false;
  }

  public void recordWait(double millis) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    long stamp = statsLock.writeLock(); // leak: accept() runs before unlockWrite, outside any finally
    waits.accept(millis);
    statsLock.unlockWrite(stamp);
  }

  public String limitFor(String client) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    long stamp = statsLock.readLock(); // leak: the default-limit return skips unlockRead
    String limit = quotas.get(client);
    if (limit == null) {
      return "100/s";
    }
    statsLock.unlockRead(stamp);
    return limit;
  }

  public void resetStats() {
    // BUG: Diagnostic contains: [UnreleasedLock]
    long stamp = statsLock.writeLock(); // leak: the throw statement skips unlock(stamp)
    if (shuttingDown) {
      throw new IllegalStateException("stats are frozen during shutdown");
    }
    waits = new DoubleSummaryStatistics();
    statsLock.unlock(stamp);
  }

  public String describe(String client) throws InterruptedException {
    // BUG: Diagnostic contains: [UnreleasedLock]
    long stamp = statsLock.readLockInterruptibly(); // leak: get() can throw before unlockRead
    String text = client + " has quota " + quotas.get(client);
    statsLock.unlockRead(stamp);
    return text;
  }
}
