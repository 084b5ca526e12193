package testdata.unreleasedlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A write-behind journal whose locking shapes the fix does not rewrite: the lock is unlocked only
 * in a nested branch, a value computed under the lock is used after the unlock, or the lock comes
 * from {@code tryLock()}; and a {@code lock()} inside a {@code try} with a catch, which moving it
 * out would take out of the catch's reach. Which statements need the lock is the author's call, so these findings
 * come without a fix.
 */
class NoFixLockWithoutUnlock {
  private final Lock lock = new ReentrantLock();
  private final List<String> buffer = new ArrayList<>();
  private final List<String> journal = new ArrayList<>();
  private final ReentrantReadWriteLock journalLock = new ReentrantReadWriteLock();
  private boolean dirty;

  void flushIfDirty() {
    // BUG: Diagnostic contains: [UnreleasedLock]
    lock.lock(); // leak: unlocked only when dirty; a clean journal keeps the lock
    if (dirty) {
      journal.addAll(buffer);
      buffer.clear();
      dirty = false;
      lock.unlock();
    }
  }

  int append(String entry) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    lock.lock(); // leak: add() can throw before the unlock; size is used after it, so no fix
    buffer.add(entry);
    int size = buffer.size();
    dirty = true;
    lock.unlock();
    return size;
  }

  boolean offer(String entry) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    if (lock.tryLock()) { // leak: add() can throw with the lock held; tryLock() gets no automatic fix
      buffer.add(entry);
      lock.unlock();
      return true;
    }
    return false;
  }

  void truncate() {
    Lock write = journalLock.writeLock();
    // leak: locked inside a try with a catch; no fix, moving lock() out would take it out of the catch
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      write.lock();
      journal.clear();
      dirty = false;
    } catch (UnsupportedOperationException e) {
      dirty = true;
    } finally {
      write.unlock();
    }
  }
}
