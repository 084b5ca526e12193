package dev.leakproof.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnrestoredStateTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Checks.LEAKS, getClass());

  /** SLF4J's MDC, matched by name: the real one is not on the test classpath. */
  private static final String[] MDC = {
    "package org.slf4j;",
    "public class MDC {",
    "  public static void put(String key, String value) {}",
    "  public static void remove(String key) {}",
    "  public static void clear() {}",
    "}"
  };

  @Test
  void positiveRestoredOnlyOnSomePaths() {
    helper
        .addSourceLines("MDC.java", MDC)
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.Semaphore;
            import org.slf4j.MDC;
            class T {
              private final Semaphore permits = new Semaphore(4);
              Object load(ClassLoader plugin, String name) throws Exception {
                Thread current = Thread.currentThread();
                ClassLoader old = current.getContextClassLoader();
                // BUG: Diagnostic contains: [UnrestoredState] the change made by `current.setContextClassLoader(plugin)` is not undone if `Class.forName()` throws
                current.setContextClassLoader(plugin);
                Object o = Class.forName(name, true, plugin).getDeclaredConstructor().newInstance();
                current.setContextClassLoader(old);
                return o;
              }
              void handle(String requestId, Runnable work) {
                // BUG: Diagnostic contains: the change made by `MDC.put("requestId", …)` is not undone if `work.run()` throws
                MDC.put("requestId", requestId);
                work.run();
                MDC.remove("requestId");
              }
              boolean limited(Runnable work, boolean skip) throws InterruptedException {
                // BUG: Diagnostic contains: the change made by `permits.acquire()` is not undone when the method returns at line 24
                permits.acquire();
                if (skip) {
                  return false;
                }
                try {
                  work.run();
                } finally {
                  permits.release();
                }
                return true;
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeRestoredInFinallyOrMeantToLast() {
    helper
        .addSourceLines("MDC.java", MDC)
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.Semaphore;
            import org.slf4j.MDC;
            class T {
              private final Semaphore permits = new Semaphore(4);
              Object load(ClassLoader plugin, String name) throws Exception {
                ClassLoader old = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(plugin);
                try {
                  return Class.forName(name, true, plugin).getDeclaredConstructor().newInstance();
                } finally {
                  Thread.currentThread().setContextClassLoader(old);
                }
              }
              void handle(String requestId, Runnable work) {
                MDC.put("requestId", requestId);
                try {
                  work.run();
                } finally {
                  MDC.clear();
                }
              }
              // Never undone here: the change is meant to last (set up for the thread's life).
              void installForThisThread(ClassLoader plugin) {
                Thread.currentThread().setContextClassLoader(plugin);
                MDC.put("app", "inventory");
              }
              // A new thread's loader is that thread's business.
              Thread worker(ClassLoader plugin, Runnable r) {
                Thread t = new Thread(r);
                t.setContextClassLoader(plugin);
                return t;
              }
              void takePermit() throws InterruptedException {
                permits.acquire();
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressedOnTheMethod() {
    helper
        .addSourceLines("MDC.java", MDC)
        .addSourceLines(
            "T.java",
            """
            import org.slf4j.MDC;
            class T {
              @SuppressWarnings("UnrestoredState")
              void handle(String requestId, Runnable work) {
                MDC.put("requestId", requestId);
                work.run();
                MDC.remove("requestId");
              }
              @SuppressWarnings("UnreleasedLock")
              void otherCheckSuppressed(String requestId, Runnable work) {
                // BUG: Diagnostic contains: [UnrestoredState]
                MDC.put("requestId", requestId);
                work.run();
                MDC.remove("requestId");
              }
            }
            """)
        .doTest();
  }
}
