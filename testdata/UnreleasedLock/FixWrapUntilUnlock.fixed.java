package testdata.unreleasedlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A per-tenant request throttle that locks, works and unlocks in one block, with no {@code try}.
 * The fix puts the statements between {@code lock()} and {@code unlock()} into a {@code try} and
 * moves the {@code unlock()} into its {@code finally}, which also covers early returns and loop
 * exits in between.
 */
class FixWrapUntilUnlock {
  private final Lock lock = new ReentrantLock();
  private final ReentrantReadWriteLock quotaLock = new ReentrantReadWriteLock();
  private final Map<String, Long> used = new HashMap<>();
  private final Map<String, Long> quotas = new HashMap<>();
  private final List<String> rejected = new ArrayList<>();

  void charge(String tenant, long cost) {
    lock.lock(); // leak: merge() can throw before the unlock
    try {
      used.merge(tenant, cost, Long::sum);
      rejected.remove(tenant);
    } finally {
      lock.unlock();
    }
  }

  boolean admit(String tenant, long cost) {
    boolean admitted = true;
    lock.lock(); // leak: the early return for an unknown tenant skips the unlock
    try {
      if (!quotas.containsKey(tenant)) {
        return false;
      }
      // Over quota: remember the tenant for the report.
      if (used.getOrDefault(tenant, 0L) + cost > quotas.get(tenant)) {
        rejected.add(tenant);
        admitted = false;
      }
    } finally {
      lock.unlock();
    }
    return admitted;
  }

  void setQuota(String tenant, long quota) throws InterruptedException {
    quotaLock.writeLock().lockInterruptibly(); // leak: put() can throw with the write lock held
    try {
      quotas.put(tenant, quota);
    } finally {
      quotaLock.writeLock().unlock();
    }
  }

  void resetAll(List<String> tenants) {
    for (String tenant : tenants) {
      lock.lock(); // leak: continue skips the unlock
      try {
        if (tenant.isEmpty()) {
          continue;
        }
        used.remove(tenant);
      } finally {
        lock.unlock();
      }
    }
  }
}
