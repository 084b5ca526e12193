package testdata.unreleasedlock;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A session cache guarded by a plain lock and a read-write lock. Each method unlocks on its happy
 * path but leaves the lock held on another one: an early return, a call that throws, a {@code
 * throw} statement, a {@code continue} or {@code break} that skips the unlock. The next request
 * that needs the lock then blocks forever.
 */
public class PositiveLockPaths {
  private final Lock lock = new ReentrantLock();
  private final Lock statsLock = new ReentrantLock();
  private final ReadWriteLock sessionsLock = new ReentrantReadWriteLock();
  private final Map<String, String> sessions = new HashMap<>();
  private final List<String> auditTrail = new ArrayList<>();
  private boolean closed;
  private long evictions;

  public String userOf(String sessionId) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    lock.lock(); // leak: the early return for an unknown session skips the unlock
    if (!sessions.containsKey(sessionId)) {
      return "anonymous";
    }
    String user = sessions.get(sessionId);
    lock.unlock();
    return user;
  }

  public void register(String sessionId, String user) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    lock.lock(); // leak: put() can throw (a hostile key's hashCode) before the unlock
    sessions.put(sessionId, user);
    lock.unlock();
  }

  public int open(String sessionId) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    lock.lock(); // leak: the throw statement leaves with the lock held
    if (closed) {
      throw new IllegalStateException("session cache closed");
    }
    auditTrail.add(sessionId);
    int size = auditTrail.size();
    lock.unlock();
    return size;
  }

  public void evictAll(List<String> sessionIds) {
    for (String id : sessionIds) {
      // BUG: Diagnostic contains: [UnreleasedLock]
      lock.lock(); // leak: continue skips the unlock, and the next iteration locks again
      if (!sessions.containsKey(id)) {
        continue;
      }
      sessions.remove(id);
      evictions++;
      lock.unlock();
    }
  }

  public void evictUntil(Iterator<String> ids, String last) {
    while (ids.hasNext()) {
      String id = ids.next();
      // BUG: Diagnostic contains: [UnreleasedLock]
      statsLock.lock(); // leak: break leaves the loop with the lock held
      if (id.equals(last)) {
        break;
      }
      evictions++;
      statsLock.unlock();
    }
  }

  public String peek(String sessionId) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    sessionsLock.readLock().lock(); // leak: the read lock stays held if get() throws
    String user = sessions.get(sessionId);
    sessionsLock.readLock().unlock();
    return user == null ? "anonymous" : user;
  }

  public boolean expire(String sessionId) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    sessionsLock.writeLock().lock(); // leak: returning false for an unknown session keeps the write lock
    if (sessions.remove(sessionId) == null) {
      return false;
    }
    evictions++;
    sessionsLock.writeLock().unlock();
    return true;
  }

  public void rename(String sessionId, String user) {
    Lock write = sessionsLock.writeLock();
    // BUG: Diagnostic contains: [UnreleasedLock]
    write.lock(); // leak: the local alias of the write lock is not unlocked if replace() throws
    sessions.replace(sessionId, user);
    write.unlock();
  }

  public void dumpAudit(Writer out) throws IOException {
    Lock guard = this.lock;
    // BUG: Diagnostic contains: [UnreleasedLock]
    guard.lock(); // leak: an IOException from write() leaves the lock held
    out.write(String.join("\n", auditTrail));
    guard.unlock();
  }

  public void refreshUnder(Lock external, Runnable refresh) {
    // BUG: Diagnostic contains: [UnreleasedLock]
    external.lock(); // leak: the caller's lock stays held if the refresh throws
    refresh.run();
    external.unlock();
  }

  public void invalidate(String sessionId) throws InterruptedException {
    // BUG: Diagnostic contains: [UnreleasedLock]
    lock.lockInterruptibly(); // leak: locked interruptibly, then not unlocked if remove() throws
    sessions.remove(sessionId);
    lock.unlock();
  }

  public void recordEviction(String sessionId) {
    lock.lock(); // ok: the outer lock is unlocked in the finally block
    try {
      // BUG: Diagnostic contains: [UnreleasedLock]
      statsLock.lock(); // leak: the nested lock is not unlocked if add() throws
      auditTrail.add("evicted " + sessionId);
      statsLock.unlock();
    } finally {
      lock.unlock();
    }
  }

  public Runnable cleaner(String sessionId) {
    return () -> {
      // BUG: Diagnostic contains: [UnreleasedLock]
      lock.lock(); // leak: inside the lambda, remove() can throw before the unlock
      sessions.remove(sessionId);
      lock.unlock();
    };
  }
}
