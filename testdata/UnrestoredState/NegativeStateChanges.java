package testdata.unrestoredstate;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A plugin host and its request throttle that undo every temporary change on every path, with {@code
 * try}/{@code finally}, or make changes that are meant to last: a permit given away for good, or
 * the class loader of a thread the method creates itself.
 */
public class NegativeStateChanges {
  private final Semaphore permits = new Semaphore(8);
  private final ClassLoader pluginLoader;

  public NegativeStateChanges(ClassLoader pluginLoader) {
    this.pluginLoader = pluginLoader;
  }

  public void runPlugin(Runnable plugin) {
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    current.setContextClassLoader(pluginLoader); // ok: restored in finally
    try {
      plugin.run();
    } finally {
      current.setContextClassLoader(previous);
    }
  }

  public String callPlugin(Callable<String> plugin) throws Exception {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(pluginLoader); // ok: the early return and the exception both run the finally
    try {
      String result = plugin.call();
      if (result == null) {
        return "";
      }
      return result;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  public Thread pluginThread(Runnable plugin) {
    Thread thread = new Thread(plugin, "plugin-worker");
    thread.setContextClassLoader(pluginLoader); // ok: a thread this method creates, not the caller's
    thread.setDaemon(true);
    return thread;
  }

  public Runnable wrap(Runnable plugin) {
    return () -> {
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(pluginLoader); // ok: the lambda restores it in finally
      try {
        plugin.run();
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    };
  }

  public void handle(Runnable handler) throws InterruptedException {
    permits.acquire(); // ok: released in finally
    try {
      handler.run();
    } finally {
      permits.release();
    }
  }

  public void handleQuietly(Runnable handler) {
    permits.acquireUninterruptibly(); // ok: released in the catch before rethrowing, and after the try otherwise
    try {
      handler.run();
    } catch (Throwable t) {
      permits.release();
      throw t;
    }
    permits.release();
  }

  public void handleBatch(Runnable batch) throws InterruptedException {
    permits.acquire(4); // ok: the four permits go back in finally
    try {
      batch.run();
    } finally {
      permits.release(4);
    }
  }

  public boolean handleIfFree(Runnable handler) throws InterruptedException {
    if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) { // ok: nothing taken on the early return; the permit goes back in finally
      return false;
    }
    try {
      handler.run();
      return true;
    } finally {
      returnPermit();
    }
  }

  public void handleWithHelper(Runnable handler) throws InterruptedException {
    permits.acquire(); // ok: returnPermit() releases the field's permit in finally
    try {
      handler.run();
    } finally {
      returnPermit();
    }
  }

  private void returnPermit() {
    permits.release();
  }

  public void retire(int workerCount) {
    permits.acquireUninterruptibly(workerCount); // ok: the capacity shrinks for good; this method never gives it back
  }

  public void reserveForAdmin() throws InterruptedException {
    permits.acquire(); // ok: a permit kept aside on purpose, never released here
  }

  public void runWithBootstrap(ClassLoader bootstrapLoader, Runnable bootstrap, Runnable plugin) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(pluginLoader); // ok: the outer finally restores the caller's loader
    try {
      Thread.currentThread().setContextClassLoader(bootstrapLoader); // ok: the inner finally switches back to the plugin loader
      try {
        bootstrap.run();
      } finally {
        Thread.currentThread().setContextClassLoader(pluginLoader);
      }
      plugin.run();
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
