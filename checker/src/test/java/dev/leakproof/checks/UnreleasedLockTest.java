package dev.leakproof.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnreleasedLockTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.LEAKS, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnreleasedLock.class, getClass());

  // ---- positives ----------------------------------------------------------------------------

  @Test
  void positiveNormalAndExceptionalPaths() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final Map<String, String> map = new HashMap<>();
              private int count;
              void forgotten() {
                // BUG: Diagnostic contains: [UnreleasedLock] `lock` is locked here and not unlocked when the method ends at line 11
                lock.lock();
                count++;
              }
              void putWithoutFinally(String k, String v) {
                // BUG: Diagnostic contains: `lock` is locked here and not unlocked if `map.put()` throws (line 15)
                lock.lock();
                map.put(k, v);
                lock.unlock();
              }
              String earlyReturn(String k) throws InterruptedException {
                // BUG: Diagnostic contains: not unlocked when the method returns at line 22
                lock.lockInterruptibly();
                if (k == null) {
                  return null;
                }
                String v = map.get(k);
                lock.unlock();
                return v;
              }
              void validate(String k) {
                // BUG: Diagnostic contains: when line 32 throws IllegalArgumentException
                lock.lock();
                if (k == null) {
                  throw new IllegalArgumentException("empty key");
                }
                lock.unlock();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveNamesTheCleanupCallThatLeaves() {
    // The try block's exceptions reach the finally, which unlocks; only audit() throwing skips it.
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final Map<String, String> map = new HashMap<>();
              String get(String k) {
                // BUG: Diagnostic contains: `lock` is locked here and not unlocked if `audit()` throws (line 14)
                lock.lock();
                try {
                  return map.get(k);
                } catch (IllegalStateException e) {
                  return null;
                } finally {
                  audit(k);
                  release();
                }
              }
              private void audit(String k) {
                if (k.isEmpty()) {
                  throw new IllegalStateException("empty");
                }
              }
              private void release() {
                lock.unlock();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveReadWriteTryAndStampedLocks() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final ReadWriteLock rwl = new ReentrantReadWriteLock();
              private final StampedLock sl = new StampedLock();
              private final Lock lock = new ReentrantLock();
              private final List<String> items = new ArrayList<>();
              String first() {
                Lock read = rwl.readLock();
                // BUG: Diagnostic contains: `read` is locked here
                read.lock();
                if (items.isEmpty()) {
                  return null;
                }
                String s = items.get(0);
                read.unlock();
                return s;
              }
              boolean tryAdd(String s) {
                // BUG: Diagnostic contains: `lock` is locked here and not unlocked if `items.add()` throws
                if (!lock.tryLock()) {
                  return false;
                }
                items.add(s);
                boolean full = items.size() > 100;
                lock.unlock();
                return full;
              }
              int size() {
                // BUG: Diagnostic contains: `sl.readLock()` is locked here
                long stamp = sl.readLock();
                int n = items.size();
                if (n < 0) {
                  throw new IllegalStateException();
                }
                sl.unlockRead(stamp);
                return n;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveNamesTheSourceCallNotTheUnboxingTheCompilerAdds() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final Map<String, Integer> counts = new HashMap<>();
              int record(String id, int delta) {
                // BUG: Diagnostic contains: not unlocked if `counts.merge()` throws (line 9)
                lock.lock();
                int total = counts.merge(id, delta, Integer::sum);
                lock.unlock();
                return total;
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveNamesTheThrowRatherThanACallThatMightThrow() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              void validate(String k) {
                // BUG: Diagnostic contains: not unlocked when line 8 throws IllegalArgumentException
                lock.lock();
                if (k.isEmpty()) {
                  throw new IllegalArgumentException("empty key");
                }
                lock.unlock();
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveLockInsideTheTryThatUnlocks() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private int count;
              void increment() {
                try {
                  // BUG: Diagnostic contains: `lock` is locked inside the try block whose finally unlocks it
                  lock.lock();
                  count++;
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  // ---- negatives ----------------------------------------------------------------------------

  @Test
  void negativeIdioms() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final ReadWriteLock rwl = new ReentrantReadWriteLock();
              private final StampedLock sl = new StampedLock();
              private final Map<String, String> map = new HashMap<>();
              private double x;
              String get(String k) {
                rwl.readLock().lock();
                try {
                  return map.get(k);
                } finally {
                  rwl.readLock().unlock();
                }
              }
              boolean tryPut(String k, String v) throws InterruptedException {
                if (lock.tryLock(1, TimeUnit.SECONDS)) {
                  try {
                    map.put(k, v);
                    return true;
                  } finally {
                    lock.unlock();
                  }
                }
                return false;
              }
              void tryWithVariable(String k) {
                boolean locked = lock.tryLock();
                if (locked) {
                  try {
                    map.remove(k);
                  } finally {
                    lock.unlock();
                  }
                }
              }
              void move(double dx) {
                long stamp = sl.readLock();
                try {
                  while (x == 0.0) {
                    long ws = sl.tryConvertToWriteLock(stamp);
                    if (ws != 0L) {
                      stamp = ws;
                      x += dx;
                      break;
                    }
                    sl.unlockRead(stamp);
                    stamp = sl.writeLock();
                  }
                } finally {
                  sl.unlock(stamp);
                }
              }
              void lockAll() {
                lock.lock();
                rwl.writeLock().lock();
              }
              void unlockAll() {
                rwl.writeLock().unlock();
                lock.unlock();
              }
              void viaHelpers(String k) {
                lockAll();
                try {
                  map.clear();
                } finally {
                  unlockAll();
                }
              }
              void releasedByHelper(String k) {
                lock.lock();
                try {
                  map.remove(k);
                } finally {
                  release();
                }
              }
              private void release() {
                lock.unlock();
              }
              Runnable task() {
                return () -> {
                  lock.lock();
                  try {
                    map.clear();
                  } finally {
                    lock.unlock();
                  }
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeFlagsAndHeldTests() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final ReentrantLock lock = new ReentrantLock();
              private final Map<String, String> map = new HashMap<>();
              void put(boolean concurrent, String k) {
                if (concurrent) {
                  lock.lock();
                }
                try {
                  map.put(k, k);
                } finally {
                  if (concurrent) {
                    lock.unlock();
                  }
                }
              }
              boolean clearIfFree() {
                boolean got = lock.tryLock();
                if (got) {
                  try {
                    map.clear();
                  } finally {
                    lock.unlock();
                  }
                }
                return got;
              }
              void releaseIfHeld(String k) {
                lock.lock();
                try {
                  map.remove(k);
                } finally {
                  if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                  }
                }
              }
              void start() {
                lock.lock();
                try {
                  map.clear();
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeHelpersThatReleaseTheirParameterAndGuardedUnlocks() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final StampedLock sl = new StampedLock();
              private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
              private final ReentrantLock lock = new ReentrantLock();
              private final Map<String, String> map = new HashMap<>();
              int size() {
                long stamp = sl.readLock();
                try {
                  return map.size();
                } finally {
                  releaseRead(stamp);
                }
              }
              private void releaseRead(long stamp) {
                sl.unlockRead(stamp);
              }
              void clear() {
                lock.lock();
                try {
                  map.clear();
                } finally {
                  release(lock);
                }
              }
              private static void release(Lock l) {
                l.unlock();
              }
              int trim() {
                rw.writeLock().lock();
                try {
                  Iterator<String> it = map.keySet().iterator();
                  int n = 0;
                  while (it.hasNext()) {
                    it.next();
                    it.remove();
                    n++;
                  }
                  return n;
                } finally {
                  if (rw.writeLock().isHeldByCurrentThread()) {
                    rw.writeLock().unlock();
                  }
                }
              }
              // lock() inside the try is safe when the finally unlocks only what is held.
              long drain() {
                try {
                  lock.lock();
                  return map.size();
                } finally {
                  if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveAHoldingMethodThatAlsoUnlocksIsChecked() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private boolean running;
              void start() {
                // BUG: Diagnostic contains: `lock` is locked here and not unlocked when the method
                lock.lock();
                if (running) {
                  return;
                }
                running = true;
                lock.unlock();
              }
            }
            """)
        .doTest();
  }

  // ---- fixes --------------------------------------------------------------------------------

  @Test
  void noFixWhenAVariableDeclaredInsideIsUsedAfter() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final Map<String, Integer> counts = new HashMap<>();
              int add(String k) {
                lock.lock(); // guards counts
                int n = counts.merge(k, 1, Integer::sum);
                lock.unlock();
                return n;
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void fixMovesTheLockBeforeTheTry() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private int count;
              void increment() {
                try {
                  lock.lock();
                  count++;
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private int count;
              void increment() {
                lock.lock();
                try {
                  count++;
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixWrapsWhenNothingDeclaredInsideIsUsedAfter() {
    refactoring
        .addInputLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final List<String> log = new ArrayList<>();
              void append(String line) {
                lock.lock();
                log.add(line);
                if (log.size() > 1000) {
                  log.remove(0);
                }
                lock.unlock();
              }
            }
            """)
        .addOutputLines(
            "T.java",
            """
            import java.util.*;
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private final List<String> log = new ArrayList<>();
              void append(String line) {
                lock.lock();
                try {
                  log.add(line);
                  if (log.size() > 1000) {
                    log.remove(0);
                  }
                } finally {
                  lock.unlock();
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  // ---- suppression --------------------------------------------------------------------------

  @Test
  void suppressedOnMethodAndClass() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.locks.*;
            class T {
              private final Lock lock = new ReentrantLock();
              private int count;
              @SuppressWarnings("UnreleasedLock")
              void handedToCaller() {
                lock.lock();
                count++;
              }
              @SuppressWarnings("ResourceLeak")
              void otherCheckSuppressed() {
                // BUG: Diagnostic contains: [UnreleasedLock]
                lock.lock();
                count++;
              }
              @SuppressWarnings("UnreleasedLock")
              static class Inner {
                private final Lock l = new ReentrantLock();
                void hold() {
                  l.lock();
                }
              }
            }
            """)
        .doTest();
  }
}
