package testdata.unreleasedlock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A job queue that records whether it got the lock in a flag set right after the lock call, and
 * unlocks in {@code finally} only when the flag says so: the lock call itself may be interrupted,
 * and then there is nothing to unlock.
 */
class NegativeLockFlags {
  private final Lock lock = new ReentrantLock();
  private final Deque<Runnable> jobs = new ArrayDeque<>();

  void submit(Runnable job) throws InterruptedException {
    boolean acquired = false;
    try {
      lock.lockInterruptibly();
      acquired = true;
      jobs.add(job);
    } finally {
      if (acquired) {
        lock.unlock();
      }
    }
  }
}
