package testdata.unreleasedlock;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A request counter that locks inside the {@code try} whose {@code finally} unlocks. When {@code
 * lock()} or {@code lockInterruptibly()} fails (an interrupt, an Error while queuing), the finally
 * block calls {@code unlock()} on a lock this thread does not hold, and the resulting
 * IllegalMonitorStateException replaces the real cause.
 */
public class PositiveLockInsideTry {
  private final Lock countersLock = new ReentrantLock();
  private final ReadWriteLock routesLock = new ReentrantReadWriteLock();
  private final Map<String, Long> hits = new HashMap<>();
  private final Map<String, String> routes = new HashMap<>();
  private long total;

  public void count(String path) {
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      countersLock.lock(); // leak: locked as the first statement of the try that unlocks it
      hits.merge(path, 1L, Long::sum);
      total++;
    } finally {
      countersLock.unlock();
    }
  }

  public long countInterruptibly(String path) throws InterruptedException {
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      countersLock.lockInterruptibly(); // leak: an interrupt makes the finally unlock a lock it never got
      total++;
      return total;
    } finally {
      countersLock.unlock();
    }
  }

  public void addRoute(String path, String handler) {
    String normalized = path.toLowerCase();
    try {
      normalized = normalized.strip();
      // BUG: Diagnostic contains: [UnreleasedLock]
      routesLock.writeLock().lock(); // leak: locked after another statement inside the try
      routes.put(normalized, handler);
    } finally {
      routesLock.writeLock().unlock();
    }
  }

  public String route(String path) {
    Lock read = routesLock.readLock();
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      read.lock(); // leak: the local alias is locked inside the try that unlocks it
      return routes.getOrDefault(path, "notFound");
    } finally {
      read.unlock();
    }
  }

  public void reset() {
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      countersLock.lock(); // leak: locked inside a try with a catch and a finally
      hits.clear();
      total = 0;
    } catch (UnsupportedOperationException e) {
      total = -1;
    } finally {
      countersLock.unlock();
    }
  }
}
