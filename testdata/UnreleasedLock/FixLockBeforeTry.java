package testdata.unreleasedlock;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A small LRU cache that locks as the first statement of the {@code try} whose {@code finally}
 * unlocks. The fix moves each {@code lock()} call out, just before the {@code try}, so that a
 * failed lock never reaches the {@code unlock()}. (The labels sit above the {@code try}: the fix
 * leaves a {@code lock()} line that carries a trailing comment alone.)
 */
class FixLockBeforeTry {
  private final Lock lock = new ReentrantLock();
  private final ReentrantReadWriteLock statsLock = new ReentrantReadWriteLock();
  private final Map<String, String> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long misses;

  String get(String key) {
    // leak: lock() inside the try; if it fails, the finally unlocks a lock this thread does not hold
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      lock.lock();
      String value = entries.get(key);
      if (value == null) {
        misses++;
      }
      return value;
    } finally {
      lock.unlock();
    }
  }

  void put(String key, String value) throws InterruptedException {
    // leak: an interrupt while waiting makes the finally call unlock() on a lock never acquired
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      lock.lockInterruptibly();
      entries.put(key, value);
    } finally {
      lock.unlock();
    }
  }

  long misses() {
    // leak: the read lock is taken inside the try whose finally releases it
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      statsLock.readLock().lock();
      return misses;
    } finally {
      statsLock.readLock().unlock();
    }
  }

}
