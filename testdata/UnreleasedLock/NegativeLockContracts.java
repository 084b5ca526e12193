package testdata.unreleasedlock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A plugin registry whose lock is taken in one method and released in another, by contract:
 * methods named like {@code lockX}, {@code acquireX}, {@code beginX} or annotated
 * {@code @EnsuresLockHeld} return with the lock held for their caller, and a same-file helper that
 * unlocks the field counts as the unlock.
 */
public class NegativeLockContracts {
  /** checker-qual's annotation, declared here so the file compiles with the JDK alone. */
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface EnsuresLockHeld {
    String[] value();
  }

  private final ReentrantLock registryLock = new ReentrantLock();
  private final ReentrantReadWriteLock pluginsLock = new ReentrantReadWriteLock();
  private final Lock batchLock = new ReentrantLock();
  private final Map<String, String> plugins = new HashMap<>();
  private final List<String> pending = new ArrayList<>();

  public void lockRegistry() {
    registryLock.lock(); // ok: lockX returns with the lock held for its caller
  }

  public void unlockRegistry() {
    registryLock.unlock();
  }

  public void acquireRead() throws InterruptedException {
    pluginsLock.readLock().lockInterruptibly(); // ok: acquireX returns with the read lock held
  }

  public void acquireWrite() {
    pluginsLock.writeLock().lock(); // ok: acquireX returns with the write lock held
  }

  private void releaseRead() {
    pluginsLock.readLock().unlock();
  }

  private void releaseWrite() {
    pluginsLock.writeLock().unlock();
  }

  public void beginBatch() {
    batchLock.lock(); // ok: beginX opens a batch that endBatch() closes
  }

  public void endBatch() {
    batchLock.unlock();
  }

  @EnsuresLockHeld("registryLock")
  public void pinRegistry() {
    registryLock.lock(); // ok: @EnsuresLockHeld promises the caller the lock
  }

  public boolean registryLocked() {
    return registryLock.tryLock(); // ok: a method named ...Locked hands the lock to its caller when it returns true
  }

  public String find(String name) {
    pluginsLock.readLock().lock(); // ok: releaseRead() unlocks the same field in the finally block
    try {
      return plugins.get(name);
    } finally {
      releaseRead();
    }
  }

  public void register(String name, String className) {
    pluginsLock.writeLock().lock(); // ok: releaseWrite() unlocks it on every path
    try {
      if (plugins.containsKey(name)) {
        throw new IllegalArgumentException("duplicate plugin " + name);
      }
      plugins.put(name, className);
    } finally {
      releaseWrite();
    }
  }

  public void unregister(String name) {
    registryLock.lock(); // ok: unlockRegistry() is the release, called in finally
    try {
      plugins.remove(name);
    } finally {
      unlockRegistry();
    }
  }

  public void flush() {
    beginBatch();
    try {
      pending.clear();
    } finally {
      endBatch();
    }
  }

  public boolean queue(String name) {
    batchLock.lock(); // ok: endBatch() releases the batch lock in finally, on the early return too
    try {
      if (pending.contains(name)) {
        return false;
      }
      return pending.add(name);
    } finally {
      endBatch();
    }
  }
}
