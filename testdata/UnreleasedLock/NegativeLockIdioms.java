package testdata.unreleasedlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * An inventory cache written the way the {@code java.util.concurrent.locks} documentation asks:
 * lock just before the {@code try}, unlock in its {@code finally}, test {@code tryLock()} before
 * relying on it, and give every stamp back. Every path through these methods releases what it
 * acquired.
 */
public class NegativeLockIdioms {
  private final Lock lock = new ReentrantLock();
  private final Lock reorderLock = new ReentrantLock();
  private final ReentrantReadWriteLock stockLock = new ReentrantReadWriteLock();
  private final StampedLock priceLock = new StampedLock();
  private final Map<String, Integer> stock = new HashMap<>();
  private final Map<String, String> prices = new HashMap<>();
  private final List<String> reorders = new ArrayList<>();

  public void restock(String sku, int count) {
    lock.lock(); // ok: unlocked in the finally block
    try {
      stock.merge(sku, count, Integer::sum);
    } finally {
      lock.unlock();
    }
  }

  public int available(String sku) {
    stockLock.readLock().lock(); // ok: the early return runs the finally block too
    try {
      Integer n = stock.get(sku);
      if (n == null) {
        return 0;
      }
      return n;
    } finally {
      stockLock.readLock().unlock();
    }
  }

  public void remove(String sku) throws InterruptedException {
    stockLock.writeLock().lockInterruptibly(); // ok: locked interruptibly just before the try
    try {
      stock.remove(sku);
    } finally {
      stockLock.writeLock().unlock();
    }
  }

  public boolean reserveIfFree(String sku) {
    if (lock.tryLock()) { // ok: held only in the branch, which unlocks in finally
      try {
        return stock.computeIfPresent(sku, (k, n) -> n - 1) != null;
      } finally {
        lock.unlock();
      }
    }
    return false;
  }

  public boolean reserveOrGiveUp(String sku) {
    if (!lock.tryLock()) { // ok: nothing is held on the early return
      return false;
    }
    try {
      stock.computeIfPresent(sku, (k, n) -> n - 1);
      return true;
    } finally {
      lock.unlock();
    }
  }

  public boolean reserveWithFlag(String sku) {
    boolean locked = lock.tryLock(); // ok: the flag is tested before the lock is relied on
    if (!locked) {
      return false;
    }
    try {
      stock.remove(sku);
      return true;
    } finally {
      lock.unlock();
    }
  }

  public boolean reserveWithRetries(String sku) throws InterruptedException {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (lock.tryLock(100, TimeUnit.MILLISECONDS)) { // ok: a failed attempt holds nothing, a good one unlocks in finally
        try {
          stock.remove(sku);
          return true;
        } finally {
          lock.unlock();
        }
      }
    }
    return false;
  }

  public void restockAll(List<String> skus) {
    for (String sku : skus) {
      lock.lock(); // ok: continue and break leave through the finally block
      try {
        if (sku.isEmpty()) {
          continue;
        }
        if (sku.equals("END")) {
          break;
        }
        stock.merge(sku, 1, Integer::sum);
      } finally {
        lock.unlock();
      }
    }
  }

  public void reorder(String sku) {
    lock.lock(); // ok: the outer lock is unlocked in the outer finally
    try {
      reorderLock.lock(); // ok: the inner lock is unlocked in the inner finally
      try {
        reorders.add(sku);
      } finally {
        reorderLock.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  public void adjust(String sku, int delta) {
    lock.lock(); // ok: unlocked in the catch before rethrowing, and after the try otherwise
    try {
      stock.merge(sku, delta, Integer::sum);
    } catch (Throwable t) {
      lock.unlock();
      throw t;
    }
    lock.unlock();
  }

  public String price(String sku) {
    long stamp = priceLock.readLock(); // ok: the stamp goes back to unlockRead in finally
    try {
      return prices.getOrDefault(sku, "n/a");
    } finally {
      priceLock.unlockRead(stamp);
    }
  }

  public void setPrice(String sku, String price) {
    long stamp = priceLock.writeLock(); // ok: the stamp goes back to unlockWrite in finally
    try {
      prices.put(sku, price);
    } finally {
      priceLock.unlockWrite(stamp);
    }
  }

  public String priceOptimistic(String sku) {
    long stamp = priceLock.tryOptimisticRead();
    String price = prices.get(sku);
    if (!priceLock.validate(stamp)) {
      stamp = priceLock.readLock(); // ok: the fallback read lock is released in finally
      try {
        price = prices.get(sku);
      } finally {
        priceLock.unlockRead(stamp);
      }
    }
    return price;
  }

  public String priceOrDefault(String sku, String fallback) {
    long stamp = priceLock.readLock(); // ok: upgraded in place with tryConvertToWriteLock, and unlock(stamp) releases either mode
    try {
      String price = prices.get(sku);
      while (price == null) {
        long writeStamp = priceLock.tryConvertToWriteLock(stamp);
        if (writeStamp != 0L) {
          stamp = writeStamp;
          prices.put(sku, fallback);
          price = fallback;
        } else {
          priceLock.unlockRead(stamp);
          stamp = priceLock.writeLock(); // ok: the write stamp replaces the read stamp and is released by the same finally
          price = prices.get(sku);
        }
      }
      return price;
    } finally {
      priceLock.unlock(stamp);
    }
  }

  public Runnable restockTask(String sku) {
    return () -> {
      lock.lock(); // ok: the lambda body unlocks in its own finally block
      try {
        stock.merge(sku, 10, Integer::sum);
      } finally {
        lock.unlock();
      }
    };
  }

  public Callable<Integer> countTask(String sku) {
    return new Callable<>() {
      @Override
      public Integer call() {
        stockLock.readLock().lock(); // ok: the anonymous class unlocks in finally
        try {
          return stock.getOrDefault(sku, 0);
        } finally {
          stockLock.readLock().unlock();
        }
      }
    };
  }

  public <T> T guarded(Supplier<T> action) {
    Lock guard = lock;
    guard.lock(); // ok: the alias is unlocked through the field it names
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
