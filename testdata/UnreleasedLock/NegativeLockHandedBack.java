package testdata.unreleasedlock;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store whose callers hold its lock; the slow part of a save lets go of the lock for a while and
 * takes it again before it returns, so the caller gets back what it had.
 */
public class NegativeLockHandedBack {
  private final Lock saveLock = new ReentrantLock();
  private long reserved;

  /** Called with saveLock held. */
  void store(long reservation) {
    reserved = reservation;
    saveLock.unlock();
    try {
      writeChunks();
    } finally {
      saveLock.lock(); // ok: taken again for the caller, who held it
      reserved = 0;
    }
  }

  /** Called with saveLock held; waits without it. */
  void awaitSpace(long needed) throws InterruptedException {
    while (reserved + needed > 1024) {
      saveLock.unlock();
      try {
        Thread.sleep(10);
      } finally {
        saveLock.lock(); // ok: taken again before the loop tests shared state
      }
    }
  }

  private void writeChunks() {}
}
