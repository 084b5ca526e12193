package testdata.unreleasedlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flags that do not match the lock: set before the lock call, or tested the wrong way round. The
 * lock stays held on some path.
 */
class PositiveLockFlags {
  private final Lock lock = new ReentrantLock();
  private final List<String> names = new ArrayList<>();

  void inverted(String name) throws InterruptedException {
    boolean acquired = false;
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      lock.lockInterruptibly(); // leak: the test is inverted, so the held lock is never unlocked
      acquired = true;
      names.add(name);
    } finally {
      if (!acquired) {
        lock.unlock();
      }
    }
  }

  void clearedTooEarly(String name) throws InterruptedException {
    boolean acquired = false;
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      lock.lockInterruptibly(); // leak: the flag is cleared while the lock is still held
      acquired = true;
      names.add(name);
      acquired = false;
    } finally {
      if (acquired) {
        lock.unlock();
      }
    }
  }
}
