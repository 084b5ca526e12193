package testdata.unreleasedlock;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An encrypted key store that wipes key material in {@code finally} before it unlocks, through a
 * helper: filling a whole array of primitives cannot throw once the array is known to be non-null.
 */
public class NegativeNoThrowCleanup {

  static final class StoreException extends RuntimeException {
    StoreException(String message) {
      super(message);
    }
  }

  private final ReentrantLock storeLock = new ReentrantLock();
  private final Map<String, byte[]> entries = new HashMap<>();
  private volatile StoreException panic;

  public void open(Map<String, Object> config) {
    char[] encryptionKey = (char[]) config.remove("encryptionKey");
    storeLock.lock(); // ok: the finally wipes the key (Arrays.fill cannot throw here) and then unlocks through the helper
    try {
      if (config.containsKey("readOnly")) {
        entries.clear();
      }
      load(encryptionKey);
    } catch (StoreException e) {
      panic(e);
    } finally {
      if (encryptionKey != null) {
        Arrays.fill(encryptionKey, (char) 0);
      }
      unlockAndCheckPanicCondition();
    }
  }

  public void rekey(byte[] oldKey, int[] rounds, long[] counters) {
    storeLock.lock(); // ok: every wipe fills a whole array and cannot throw
    try {
      entries.replaceAll((k, v) -> v.clone());
    } finally {
      if (oldKey != null) {
        Arrays.fill(oldKey, (byte) 0);
      }
      if (rounds != null && counters != null) {
        Arrays.fill(rounds, 0);
        Arrays.fill(counters, 0L);
      }
      storeLock.unlock();
    }
  }

  private void load(char[] key) {
    if (key != null && key.length == 0) {
      throw new StoreException("empty key");
    }
  }

  private void panic(StoreException e) {
    panic = e;
    throw e;
  }

  private void unlockAndCheckPanicCondition() {
    storeLock.unlock();
    StoreException e = panic;
    if (e != null) {
      throw e;
    }
  }
}
