package dev.leakproof.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of model entry, loaded from a user's model file: what the code reports with the entry
 * (positives and negatives in one source), what it reports without it, and that the findings the
 * entry brings are suppressed like any other.
 */
class ModelEntriesTest {
  @TempDir Path dir;

  /** A small library in another compilation unit, so that no same-file summary helps. */
  private static final String[][] LIBRARY = {
    {
      "Lease.java",
      """
      package com.example;
      public class Lease implements AutoCloseable {
        public void giveBack() {}
        public boolean isReturned() { return false; }
        public boolean isHeld() { return true; }
        public int id() { return 1; }
        @Override public void close() {}
      }
      """
    },
    {
      "Pool.java",
      """
      package com.example;
      public class Pool {
        public Lease borrow() { return new Lease(); }
        public Lease leaseOne() { return new Lease(); }
        public Lease current() { return null; }
        public void adopt(AutoCloseable c) {}
        public static void dispose(AutoCloseable c) {}
      }
      """
    },
    {
      "Conn.java",
      """
      package com.example;
      public class Conn implements AutoCloseable {
        public java.io.InputStream input() { return java.io.InputStream.nullInputStream(); }
        public Cursor cursor() { return new Cursor(); }
        @Override public void close() {}
      }
      """
    },
    {
      "Cursor.java",
      """
      package com.example;
      public class Cursor implements AutoCloseable {
        public boolean next() { return false; }
        @Override public void close() {}
      }
      """
    },
    {
      "Handle.java",
      """
      package com.example;
      public class Handle {
        public void write(String s) {}
        public void dispose() {}
      }
      """
    },
    {
      "MemoryChannel.java",
      """
      package com.example;
      public class MemoryChannel implements AutoCloseable {
        public void put(byte b) {}
        @Override public void close() {}
      }
      """
    },
    {
      "BaseSink.java",
      """
      package com.example;
      public class BaseSink implements AutoCloseable {
        public void put(String s) {}
        @Override public void close() {}
      }
      """
    },
    {
      "MemorySink.java",
      """
      package com.example;
      public class MemorySink extends BaseSink {}
      """
    },
    {
      "SpoolSink.java",
      """
      package com.example;
      public class SpoolSink extends BaseSink {
        @Override public void close() { System.out.println("spooled"); }
      }
      """
    },
    {
      "Cfg.java",
      """
      package com.example;
      public class Cfg {
        public static int port(String s) { return Integer.parseInt(s); }
        public static boolean isPort(String s) { return s.matches("[0-9]+"); }
      }
      """
    },
    {
      "BadEncodingException.java",
      """
      package com.example;
      public class BadEncodingException extends java.io.IOException {}
      """
    },
    {
      "Codec.java",
      """
      package com.example;
      public class Codec {
        public static void check(String charset) throws BadEncodingException {}
      }
      """
    },
    {
      "Vault.java",
      """
      package com.example;
      public class Vault {
        public void seal() {}
      }
      """
    },
    {
      "Mutex.java",
      """
      package com.example;
      public class Mutex {
        public void acquire() {}
        public boolean attempt() { return true; }
        public long stamp() { return 1L; }
        public void release() {}
        public void release(long stamp) {}
        public boolean mine() { return true; }
      }
      """
    },
    {
      "Tenant.java",
      """
      package com.example;
      public class Tenant {
        public static void switchTo(String name) {}
        public static void switchBack() {}
        public static void set(String key, String value) {}
        public static void unset(String key) {}
        public static void unsetAll() {}
      }
      """
    },
    {
      "Teardown.java",
      """
      package com.example;
      public @interface Teardown {}
      """
    },
    {
      "Scrub.java",
      """
      package com.example;
      public class Scrub {
        public Scrub(java.io.OutputStream out) throws java.io.IOException {}
        public static void wipe(char[] key) {}
        public static void wipe(char[] key, int from, int to) {}
        public void flush() throws java.io.IOException {}
      }
      """
    },
    {
      "LoudScrub.java",
      """
      package com.example;
      public class LoudScrub extends Scrub {
        public LoudScrub(java.io.OutputStream out) throws java.io.IOException { super(out); }
        @Override public void flush() throws java.io.IOException {
          throw new java.io.IOException("full");
        }
      }
      """
    },
  };

  private CompilationTestHelper compile(String modelEntries, String source) throws IOException {
    CompilationTestHelper helper = CompilationTestHelper.newInstance(Checks.LEAKS, getClass());
    if (modelEntries != null) {
      helper.setArgs("-XepOpt:Leakproof:ModelFiles=" + modelFile(modelEntries));
    }
    for (String[] file : LIBRARY) {
      helper.addSourceLines(file[0], file[1]);
    }
    return helper.addSourceLines("T.java", source);
  }

  private Path modelFile(String entries) throws IOException {
    Path model = dir.resolve("test.model");
    Files.writeString(model, "# written by ModelEntriesTest\n" + entries + "\n");
    return model;
  }

  /**
   * Checks one entry: {@code withEntry} is compiled with it, {@code withoutEntry} without it, each
   * against its markers; then {@code withEntry} with its markers removed and {@code check}
   * suppressed on class {@code T} must report nothing.
   */
  private void assertEntry(String entry, String check, String withEntry, String withoutEntry)
      throws IOException {
    compile(entry, withEntry).doTest();
    compile(null, withoutEntry).doTest();
    String suppressed =
        Arrays.stream(withEntry.split("\n"))
            .filter(l -> !l.contains("// BUG:"))
            .map(l -> l.startsWith("class T") ? "@SuppressWarnings(\"" + check + "\") " + l : l)
            .reduce("", (a, b) -> a + b + "\n");
    compile(entry, suppressed).expectNoDiagnostics().doTest();
  }

  @Test
  void hold() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          private final Mutex m = new Mutex();
          private int n;
          void forgets() {
            // BUG: Diagnostic contains: [UnreleasedLock] `m` is locked here
            m.acquire();
            n++;
          }
          void releases(Runnable r) {
            m.acquire();
            try {
              r.run();
            } finally {
              m.release();
            }
          }
        }
        """;
    assertEntry(
        "hold com.example.Mutex#acquire release", "UnreleasedLock", withEntry, unmarked(withEntry));
  }

  @Test
  void heldTest() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          private final Mutex m = new Mutex();
          void releasesWhereHeld(Runnable r) {
            m.acquire();
            try {
              r.run();
            } finally {
              if (m.mine()) {
                m.release();
              }
            }
          }
        }
        """;
    String withoutEntry =
        """
        import com.example.*;
        class T {
          private final Mutex m = new Mutex();
          void releasesWhereHeld(Runnable r) {
            // BUG: Diagnostic contains: [UnreleasedLock] `m` is locked here
            m.acquire();
            try {
              r.run();
            } finally {
              if (m.mine()) {
                m.release();
              }
            }
          }
        }
        """;
    compile("hold com.example.Mutex#acquire release\nheld-test com.example.Mutex#mine", withEntry)
        .doTest();
    compile("hold com.example.Mutex#acquire release", withoutEntry).doTest();
  }

  @Test
  void holdIfTrue() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          private final Mutex m = new Mutex();
          void leaksOnTrue(Runnable r) {
            // BUG: Diagnostic contains: [UnreleasedLock] `m` is locked here
            if (m.attempt()) {
              r.run();
            }
          }
          void releases(Runnable r) {
            if (!m.attempt()) {
              return;
            }
            try {
              r.run();
            } finally {
              m.release();
            }
          }
        }
        """;
    assertEntry(
        "hold-if-true com.example.Mutex#attempt release",
        "UnreleasedLock",
        withEntry,
        unmarked(withEntry));
  }

  @Test
  void holdStamp() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          private final Mutex m = new Mutex();
          void leaks(Runnable r) {
            // BUG: Diagnostic contains: [UnreleasedLock] `m.stamp()` is locked here
            long s = m.stamp();
            r.run();
            m.release(s);
          }
          void releases(Runnable r) {
            long s = m.stamp();
            try {
              r.run();
            } finally {
              m.release(s);
            }
          }
        }
        """;
    assertEntry(
        "hold-stamp com.example.Mutex#stamp release",
        "UnreleasedLock",
        withEntry,
        unmarked(withEntry));
  }

  @Test
  void restore() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void skipsOnException(Runnable r) {
            // BUG: Diagnostic contains: [UnrestoredState] the change made by `Tenant.switchTo("acme")`
            Tenant.switchTo("acme");
            r.run();
            Tenant.switchBack();
          }
          void restores(Runnable r) {
            Tenant.switchTo("acme");
            try {
              r.run();
            } finally {
              Tenant.switchBack();
            }
          }
          void meantToLast() {
            Tenant.switchTo("acme");
          }
        }
        """;
    assertEntry(
        "restore com.example.Tenant#switchTo switchBack",
        "UnrestoredState",
        withEntry,
        unmarked(withEntry));
  }

  @Test
  void restoreArg() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void skipsOnException(Runnable r) {
            // BUG: Diagnostic contains: [UnrestoredState] the change made by `Tenant.set("region", …)`
            Tenant.set("region", "eu");
            r.run();
            Tenant.unset("region");
          }
          void otherKeyIsNoRestore(Runnable r) {
            Tenant.set("zone", "a");
            Tenant.unset("region");
          }
          void restoresAll(Runnable r) {
            Tenant.set("region", "eu");
            try {
              r.run();
            } finally {
              Tenant.unsetAll();
            }
          }
        }
        """;
    assertEntry(
        "restore-arg com.example.Tenant#set unset|unsetAll",
        "UnrestoredState",
        withEntry,
        unmarked(withEntry));
  }

  @Test
  void acquire() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          int leaks(Pool pool) {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = pool.borrow();
            return l.id();
          }
          int closes(Pool pool) {
            try (Lease l = pool.borrow()) {
              return l.id();
            }
          }
        }
        """;
    assertEntry("acquire com.example.Pool#borrow", "ResourceLeak", withEntry, unmarked(withEntry));
  }

  @Test
  void factoryPrefix() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          int leaks(Pool pool) {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = pool.leaseOne();
            return l.id();
          }
          int borrowed(Pool pool) {
            Lease l = pool.current();
            return l.id();
          }
        }
        """;
    assertEntry("factory-prefix lease", "ResourceLeak", withEntry, unmarked(withEntry));
  }

  @Test
  void release() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void givesBack() {
            Lease l = new Lease();
            l.giveBack();
          }
          void givesBackOnOneBranch(boolean done) {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            if (done) {
              l.giveBack();
            }
          }
        }
        """;
    String withoutEntry =
        """
        import com.example.*;
        class T {
          void givesBack() {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            l.giveBack();
          }
          void givesBackOnOneBranch(boolean done) {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            if (done) {
              l.giveBack();
            }
          }
        }
        """;
    assertEntry("release com.example.Lease#giveBack", "ResourceLeak", withEntry, withoutEntry);
  }

  @Test
  void resource() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void leaks() {
            // BUG: Diagnostic contains: [ResourceLeak] `h` (Handle)
            Handle h = new Handle();
            h.write("x");
          }
          void disposes() {
            Handle h = new Handle();
            h.write("x");
            h.dispose();
          }
        }
        """;
    assertEntry(
        "resource com.example.Handle\nrelease com.example.Handle#dispose",
        "ResourceLeak",
        withEntry,
        unmarked(withEntry));
  }

  @Test
  void notResource() throws IOException {
    String source =
        """
        import com.example.*;
        class T {
          void fill() {
            MemoryChannel ch = new MemoryChannel();
            ch.put((byte) 1);
          }
          void leaks() {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            l.id();
          }
        }
        """;
    String withoutEntry =
        source.replace(
            "    MemoryChannel ch",
            "    // BUG: Diagnostic contains: [ResourceLeak] `ch` (MemoryChannel)\n    MemoryChannel ch");
    assertEntry("not-resource com.example.MemoryChannel", "ResourceLeak", source, withoutEntry);
  }

  @Test
  void trivialClose() throws IOException {
    String source =
        """
        import com.example.*;
        class T {
          void memory() {
            BaseSink s = new MemorySink();
            s.put("x");
          }
          void spool() {
            // BUG: Diagnostic contains: [ResourceLeak] `s` (SpoolSink)
            SpoolSink s = new SpoolSink();
            s.put("x");
          }
        }
        """;
    String withoutEntry =
        source.replace(
            "    BaseSink s",
            "    // BUG: Diagnostic contains: [ResourceLeak] `s` (MemorySink)\n    BaseSink s");
    assertEntry("trivial-close com.example.BaseSink", "ResourceLeak", source, withoutEntry);
  }

  @Test
  void alias() throws IOException {
    String withEntry =
        """
        import com.example.*;
        import java.io.*;
        class T {
          int closesTheAlias() throws IOException {
            Conn c = new Conn();
            InputStream in = c.input();
            try (in) {
              return in.read();
            }
          }
          int closesNeither() throws IOException {
            // BUG: Diagnostic contains: [ResourceLeak] `c` (Conn)
            Conn c = new Conn();
            InputStream in = c.input();
            return in.read();
          }
        }
        """;
    String withoutEntry =
        withEntry.replace(
            "    Conn c = new Conn();\n    InputStream in = c.input();\n    try",
            "    // BUG: Diagnostic contains: [ResourceLeak] `c` (Conn)\n"
                + "    Conn c = new Conn();\n    InputStream in = c.input();\n    try");
    assertEntry("alias com.example.Conn#input", "ResourceLeak", withEntry, withoutEntry);
  }

  @Test
  void child() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          boolean parentClosed() {
            try (Conn c = new Conn()) {
              Cursor cur = c.cursor();
              return cur.next();
            }
          }
          boolean borrowedParent(Conn c) {
            // BUG: Diagnostic contains: [ResourceLeak] `cur` (Cursor)
            Cursor cur = c.cursor();
            return cur.next();
          }
        }
        """;
    assertEntry("child com.example.Conn#cursor", "ResourceLeak", withEntry, unmarked(withEntry));
  }

  @Test
  void closer() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void disposes() {
            Lease l = new Lease();
            l.id();
            Pool.dispose(l);
          }
          void disposesOnOneBranch(boolean done) {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            if (done) {
              Pool.dispose(l);
            }
          }
        }
        """;
    assertEntry(
        "closer com.example.Pool#dispose",
        "ResourceLeak",
        withEntry,
        withEntry.replace(
            "    Lease l = new Lease();\n    l.id();",
            "    // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)\n"
                + "    Lease l = new Lease();\n    l.id();"));
  }

  @Test
  void closerName() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void disposes() {
            Lease l = new Lease();
            l.id();
            Pool.dispose(l);
          }
          void neverDisposed() {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            l.id();
          }
        }
        """;
    assertEntry(
        "closer-name dispose",
        "ResourceLeak",
        withEntry,
        withEntry.replace(
            "    Lease l = new Lease();\n    l.id();\n    Pool",
            "    // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)\n"
                + "    Lease l = new Lease();\n    l.id();\n    Pool"));
  }

  @Test
  void takesOwnership() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void adopted(Pool pool) {
            Lease l = new Lease();
            pool.adopt(l);
          }
          void adoptedOnOneBranch(Pool pool, boolean keep) {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            if (keep) {
              pool.adopt(l);
            }
          }
        }
        """;
    assertEntry(
        "takes-ownership com.example.Pool#adopt",
        "ResourceLeak",
        withEntry,
        withEntry.replace(
            "    Lease l = new Lease();\n    pool.adopt(l);",
            "    // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)\n"
                + "    Lease l = new Lease();\n    pool.adopt(l);"));
  }

  @Test
  void closedTest() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void givesBackOnce() {
            Lease l = new Lease();
            l.id();
            if (!l.isReturned()) {
              l.close();
            }
          }
          void testsTheWrongWay() {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            if (l.isReturned()) {
              l.close();
            }
          }
        }
        """;
    assertEntry(
        "closed-test com.example.Lease#isReturned",
        "ResourceLeak",
        withEntry,
        withEntry.replace(
            "    Lease l = new Lease();\n    l.id();",
            "    // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)\n"
                + "    Lease l = new Lease();\n    l.id();"));
  }

  @Test
  void openTest() throws IOException {
    String withEntry =
        """
        import com.example.*;
        class T {
          void givesBackOnce() {
            Lease l = new Lease();
            l.id();
            if (l.isHeld()) {
              l.close();
            }
          }
          void testsTheWrongWay() {
            // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)
            Lease l = new Lease();
            if (!l.isHeld()) {
              l.close();
            }
          }
        }
        """;
    assertEntry(
        "open-test com.example.Lease#isHeld",
        "ResourceLeak",
        withEntry,
        withEntry.replace(
            "    Lease l = new Lease();\n    l.id();",
            "    // BUG: Diagnostic contains: [ResourceLeak] `l` (Lease)\n"
                + "    Lease l = new Lease();\n    l.id();"));
  }

  @Test
  void throwsWithGuard() throws IOException {
    String withEntry =
        """
        import com.example.*;
        import java.io.*;
        class T {
          int unguarded(File f, String p) throws IOException {
            // BUG: Diagnostic contains: [ResourceLeakOnException] `in` (FileInputStream) is not closed if `Cfg.port()` throws NumberFormatException
            InputStream in = new FileInputStream(f);
            int port = Cfg.port(p);
            in.close();
            return port;
          }
          int guarded(File f, String p) throws IOException {
            InputStream in = new FileInputStream(f);
            int port = Cfg.isPort(p) ? Cfg.port(p) : 80;
            in.close();
            return port;
          }
        }
        """;
    assertEntry(
        "throws com.example.Cfg#port(java.lang.String) java.lang.NumberFormatException isPort",
        "ResourceLeakOnException",
        withEntry,
        unmarked(withEntry));
  }

  @Test
  void noThrowLeaks() throws IOException {
    String withEntry =
        """
        import com.example.*;
        import java.io.*;
        class T {
          void construct(File f) throws IOException {
            OutputStream out = new FileOutputStream(f);
            new Scrub(out);
            out.close();
          }
          void flush(File f, Scrub s) throws IOException {
            OutputStream out = new FileOutputStream(f);
            s.flush();
            out.close();
          }
          void override(File f, LoudScrub s) throws IOException {
            // BUG: Diagnostic contains: [ResourceLeakOnException] `out` (FileOutputStream) is not closed if `s.flush()` throws IOException
            OutputStream out = new FileOutputStream(f);
            s.flush();
            out.close();
          }
        }
        """;
    String withoutEntry =
        withEntry
            .replace(
                "    OutputStream out = new FileOutputStream(f);\n    new Scrub(out);",
                "    // BUG: Diagnostic contains: is not closed if `new Scrub(...)` throws IOException\n"
                    + "    OutputStream out = new FileOutputStream(f);\n    new Scrub(out);")
            .replace(
                "(File f, Scrub s) throws IOException {\n",
                "(File f, Scrub s) throws IOException {\n"
                    + "    // BUG: Diagnostic contains: is not closed if `s.flush()` throws IOException\n");
    assertEntry(
        "no-throw com.example.Scrub(java.io.OutputStream)\nno-throw com.example.Scrub#flush",
        "ResourceLeakOnException",
        withEntry,
        withoutEntry);
  }

  @Test
  void noThrowLocks() throws IOException {
    String withEntry =
        """
        import com.example.*;
        import java.util.concurrent.locks.*;
        class T {
          private final Lock lock = new ReentrantLock();
          private int uses;
          void wipe(char[] key) {
            lock.lock();
            try {
              uses++;
            } finally {
              Scrub.wipe(key);
              lock.unlock();
            }
          }
          void wipeRange(char[] key) {
            // BUG: Diagnostic contains: [UnreleasedLock] `lock` is locked here and not unlocked if `Scrub.wipe()` throws (line
            lock.lock();
            try {
              uses++;
            } finally {
              Scrub.wipe(key, 0, 1);
              lock.unlock();
            }
          }
        }
        """;
    String withoutEntry =
        withEntry.replace(
            "  void wipe(char[] key) {\n",
            "  void wipe(char[] key) {\n"
                + "    // BUG: Diagnostic contains: not unlocked if `Scrub.wipe()` throws (line 12)\n");
    assertEntry(
        "no-throw com.example.Scrub#wipe(char[])", "UnreleasedLock", withEntry, withoutEntry);
  }

  @Test
  void charsetExceptionAndStandardCharset() throws IOException {
    String withEntry =
        """
        import com.example.*;
        import java.io.*;
        class T {
          void standard(File f) throws IOException {
            InputStream in = new FileInputStream(f);
            Codec.check("UTF-8");
            in.close();
          }
          void projectCharset(File f) throws IOException {
            InputStream in = new FileInputStream(f);
            Codec.check("x-ledger");
            in.close();
          }
          void unknown(File f, String cs) throws IOException {
            // BUG: Diagnostic contains: [ResourceLeakOnException] `in` (FileInputStream) is not closed if `Codec.check()` throws BadEncodingException
            InputStream in = new FileInputStream(f);
            Codec.check(cs);
            in.close();
          }
        }
        """;
    String marker =
        "    // BUG: Diagnostic contains: [ResourceLeakOnException] `in` (FileInputStream)\n";
    String withoutEntry =
        withEntry.replace(
            "    InputStream in = new FileInputStream(f);\n    Codec.check(\"",
            marker + "    InputStream in = new FileInputStream(f);\n    Codec.check(\"");
    assertEntry(
        "charset-exception com.example.BadEncodingException\nstandard-charset x-ledger",
        "ResourceLeakOnException",
        withEntry,
        withoutEntry);
  }

  @Test
  void lifecycleMethod() throws IOException {
    String withEntry =
        """
        import java.io.*;
        class T {
          static class Tailer {
            private final InputStream in;
            Tailer(File f) throws IOException {
              in = new FileInputStream(f);
            }
            void retire() throws IOException {
              in.close();
            }
          }
          static class Spooler {
            // BUG: Diagnostic contains: which retire() does not release
            private final OutputStream out;
            Spooler(File f) throws IOException {
              out = new FileOutputStream(f);
            }
            void retire() throws IOException {
              out.flush();
            }
          }
        }
        """;
    String withoutEntry =
        """
        import java.io.*;
        class T {
          static class Tailer {
            // retire() is no lifecycle method without the entry, but it closes the field: the
            // class's own protocol, not reported either way.
            private final InputStream in;
            Tailer(File f) throws IOException {
              in = new FileInputStream(f);
            }
            void retire() throws IOException {
              in.close();
            }
          }
          static class Spooler {
            // BUG: Diagnostic contains: but Spooler has no close()
            private final OutputStream out;
            Spooler(File f) throws IOException {
              out = new FileOutputStream(f);
            }
            void retire() throws IOException {
              out.flush();
            }
          }
        }
        """;
    assertEntry("lifecycle-method retire", "UnclosedResourceField", withEntry, withoutEntry);
  }

  @Test
  void lifecycleAnnotation() throws IOException {
    String withEntry =
        """
        import com.example.Teardown;
        import java.io.*;
        class T {
          static class Tailer {
            private final InputStream in;
            Tailer(File f) throws IOException {
              in = new FileInputStream(f);
            }
            @Teardown
            void archiveLogs() throws IOException {
              in.close();
            }
          }
        }
        """;
    compile("lifecycle-annotation Teardown", withEntry).doTest();
    // A method that closes the field is the class's own protocol even without the entry.
    compile(null, withEntry).doTest();
    // The entry decides how a field that the annotated method does not release is reported.
    String notReleased = withEntry.replace("      in.close();\n", "      in.available();\n");
    String positive =
        notReleased.replace(
            "    private final InputStream in;",
            "    // BUG: Diagnostic contains: which archiveLogs() does not release\n"
                + "    private final InputStream in;");
    String withoutEntry =
        notReleased.replace(
            "    private final InputStream in;",
            "    // BUG: Diagnostic contains: but Tailer has no close()\n"
                + "    private final InputStream in;");
    assertEntry("lifecycle-annotation Teardown", "UnclosedResourceField", positive, withoutEntry);
  }

  @Test
  void fileSystemTypesKeepTheCloseWhereItIs() throws IOException {
    String before = fileSystemInput();
    String after =
        """
        import com.example.Vault;
        import java.io.*;
        class T {
          void save(File f, Vault vault) throws IOException {
            try (Writer w = new FileWriter(f)) {
              String header = "# saved";
              w.write(header);
              vault.seal();
              System.out.println(header);
            }
          }
        }
        """;
    // Without the entry, sealing the vault is just a call: the fix may move the close past it.
    fix(null).addInputLines("T.java", before).addOutputLines("T.java", after).doTest();
    // With it, sealing may look at the file, which must be closed by then: the try stays short,
    // and what the later statements need is declared before it.
    String hoisted =
        """
        import com.example.Vault;
        import java.io.*;
        class T {
          void save(File f, Vault vault) throws IOException {
            String header;
            try (Writer w = new FileWriter(f)) {
              header = "# saved";
              w.write(header);
            }
            vault.seal();
            System.out.println(header);
          }
        }
        """;
    fix("file-system com.example.Vault")
        .addInputLines("T.java", before)
        .addOutputLines("T.java", hoisted)
        .doTest();
    // The finding itself does not depend on the entry.
    String marked =
        before.replace(
            "    Writer w",
            "    // BUG: Diagnostic contains: [ResourceLeakOnException] `w` (FileWriter)\n    Writer w");
    compile("file-system com.example.Vault", marked).doTest();
  }

  /** The same shape as {@link #fileSystem}: the close must not move past a thread hand-off. */
  @Test
  void threadHandoff() throws IOException {
    String before = fileSystemInput();
    fix("thread-handoff com.example.Vault#seal")
        .addInputLines("T.java", before)
        .addOutputLines(
            "T.java",
            """
            import com.example.Vault;
            import java.io.*;
            class T {
              void save(File f, Vault vault) throws IOException {
                String header;
                try (Writer w = new FileWriter(f)) {
                  header = "# saved";
                  w.write(header);
                }
                vault.seal();
                System.out.println(header);
              }
            }
            """)
        .doTest();
    String marked =
        before.replace(
            "    Writer w",
            "    // BUG: Diagnostic contains: [ResourceLeakOnException] `w` (FileWriter)\n    Writer w");
    compile("thread-handoff com.example.Vault#seal", marked).doTest();
  }

  @Test
  void keepOpen() throws IOException {
    String before = fileSystemInput();
    // Without the entry the writer gets its fix (see fileSystem); with it, none.
    fix("keep-open java.io.Writer").addInputLines("T.java", before).expectUnchanged().doTest();
    String marked =
        before.replace(
            "    Writer w",
            "    // BUG: Diagnostic contains: (no automatic fix: what it makes stays in use after any block ends\n    Writer w");
    compile("keep-open java.io.Writer", marked).doTest();
  }

  /** A writer closed before a call that the entries under test may make observable. */
  private static String fileSystemInput() {
    return """
        import com.example.Vault;
        import java.io.*;
        class T {
          void save(File f, Vault vault) throws IOException {
            Writer w = new FileWriter(f);
            String header = "# saved";
            w.write(header);
            w.close();
            vault.seal();
            System.out.println(header);
          }
        }
        """;
  }

  private BugCheckerRefactoringTestHelper fix(String modelEntries) throws IOException {
    BugCheckerRefactoringTestHelper helper =
        BugCheckerRefactoringTestHelper.newInstance(ResourceLeakOnException.class, getClass());
    if (modelEntries != null) {
      helper.setArgs("-XepOpt:Leakproof:ModelFiles=" + modelFile(modelEntries));
    }
    helper.addInputLines("Vault.java", LIBRARY[12][1]).expectUnchanged();
    return helper;
  }

  private static String unmarked(String source) {
    return Arrays.stream(source.split("\n"))
        .filter(l -> !l.contains("// BUG:"))
        .reduce("", (a, b) -> a + b + "\n");
  }
}
