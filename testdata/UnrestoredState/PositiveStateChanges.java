package testdata.unrestoredstate;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A plugin host and its request throttle. Each method swaps the thread's context class loader or
 * takes a semaphore permit, and undoes it on its happy path only: a call that throws, an early
 * return or a {@code throw} statement skips the restore, and the pooled thread keeps the plugin's
 * class loader (or the permit is gone for good).
 */
public class PositiveStateChanges {
  private static final Semaphore EXPORT_SLOTS = new Semaphore(2);
  private final Semaphore permits = new Semaphore(8);
  private final ClassLoader pluginLoader;
  private final Map<String, String> results = new HashMap<>();
  private boolean draining;

  public PositiveStateChanges(ClassLoader pluginLoader) {
    this.pluginLoader = pluginLoader;
  }

  public void runPlugin(Runnable plugin) {
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    // BUG: Diagnostic contains: [UnrestoredState]
    current.setContextClassLoader(pluginLoader); // leak: restored only if the plugin returns normally
    plugin.run();
    current.setContextClassLoader(previous);
  }

  public String callPlugin(Callable<String> plugin) throws Exception {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // BUG: Diagnostic contains: [UnrestoredState]
    Thread.currentThread().setContextClassLoader(pluginLoader); // leak: an exception from call() skips the restore
    String result = plugin.call();
    Thread.currentThread().setContextClassLoader(previous);
    return result;
  }

  public String describe(String pluginName, Supplier<String> description) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // BUG: Diagnostic contains: [UnrestoredState]
    Thread.currentThread().setContextClassLoader(pluginLoader); // leak: the early return for a cached name skips the restore
    if (results.containsKey(pluginName)) {
      return results.get(pluginName);
    }
    String text = description.get();
    Thread.currentThread().setContextClassLoader(previous);
    return text;
  }

  public void reload(Runnable reloader) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    // BUG: Diagnostic contains: [UnrestoredState]
    Thread.currentThread().setContextClassLoader(pluginLoader); // leak: the throw statement leaves the plugin loader installed
    if (draining) {
      throw new IllegalStateException("host is draining");
    }
    reloader.run();
    Thread.currentThread().setContextClassLoader(previous);
  }

  public Runnable wrap(Runnable plugin) {
    return () -> {
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      // BUG: Diagnostic contains: [UnrestoredState]
      Thread.currentThread().setContextClassLoader(pluginLoader); // leak: inside the lambda, run() can throw before the restore
      plugin.run();
      Thread.currentThread().setContextClassLoader(previous);
    };
  }

  public void handle(String request, Runnable handler) throws InterruptedException {
    // BUG: Diagnostic contains: [UnrestoredState]
    permits.acquire(); // leak: a failing handler keeps the permit forever
    handler.run();
    permits.release();
  }

  public boolean handleOnce(String request) throws InterruptedException {
    // BUG: Diagnostic contains: [UnrestoredState]
    permits.acquire(); // leak: the duplicate-request return skips release()
    if (results.containsKey(request)) {
      return false;
    }
    results.put(request, "done");
    permits.release();
    return true;
  }

  public void handleQuietly(String request, Runnable handler) {
    // BUG: Diagnostic contains: [UnrestoredState]
    permits.acquireUninterruptibly(); // leak: released after the handler, not in a finally block
    handler.run();
    permits.release();
  }

  public void handleBatch(Runnable batch) throws InterruptedException {
    // BUG: Diagnostic contains: [UnrestoredState]
    permits.acquire(4); // leak: the four permits are lost if the batch throws
    batch.run();
    permits.release(4);
  }

  public void export(Writer out, String report) throws IOException {
    // BUG: Diagnostic contains: [UnrestoredState]
    EXPORT_SLOTS.acquireUninterruptibly(); // leak: released in the IOException handler, but an unchecked exception skips both releases
    try {
      out.write(report);
    } catch (IOException e) {
      EXPORT_SLOTS.release();
      throw e;
    }
    EXPORT_SLOTS.release();
  }
}
