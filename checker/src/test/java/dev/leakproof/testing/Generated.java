package dev.leakproof.testing;

/**
 * Synthetic Java sources of a chosen size, for the scaling benchmark and the budget tests. Every
 * source compiles; the methods mix the shapes real code has (try-with-resources, a close in {@code
 * finally}, a leak on an early return, a lock, and plain methods that touch no resource, which are
 * most methods in real code).
 */
public final class Generated {
  private Generated() {}

  private static final String IMPORTS =
      """
      import java.io.*;
      import java.util.*;
      import java.util.concurrent.locks.*;

      """;

  /** A class {@code name} in package {@code pkg} with {@code methods} methods of every shape. */
  public static String classWithMethods(String pkg, String name, int methods) {
    StringBuilder sb = new StringBuilder("package ").append(pkg).append(";\n\n").append(IMPORTS);
    sb.append("class ").append(name).append(" {\n");
    sb.append("  private final Lock lock = new ReentrantLock();\n");
    sb.append("  private int count;\n\n");
    for (int i = 0; i < methods; i++) {
      sb.append(method(i));
    }
    return sb.append("}\n").toString();
  }

  /** One of six method shapes, by {@code i}; three touch a resource and one a lock. */
  private static String method(int i) {
    String s =
        switch (i % 6) {
          case 0 ->
              """
                int read%1$d(File f) throws IOException {
                  try (InputStream in = new FileInputStream(f)) {
                    int n = 0;
                    for (int b = in.read(); b >= 0; b = in.read()) {
                      n += b;
                    }
                    return n;
                  }
                }
              """;
          case 1 ->
              """
                String firstLine%1$d(String path) throws IOException {
                  BufferedReader r = new BufferedReader(new FileReader(path));
                  String line = r.readLine();
                  if (line == null) {
                    return "";
                  }
                  r.close();
                  return line;
                }
              """;
          case 2 ->
              """
                void write%1$d(File f, byte[] data) throws IOException {
                  OutputStream out = new FileOutputStream(f);
                  try {
                    out.write(data);
                  } finally {
                    out.close();
                  }
                }
              """;
          case 3 ->
              """
                int next%1$d() {
                  lock.lock();
                  try {
                    return count++;
                  } finally {
                    lock.unlock();
                  }
                }
              """;
          case 4 ->
              """
                int sum%1$d(int[] xs) {
                  int s = 0;
                  for (int x : xs) {
                    if (x > %1$d) {
                      s += x;
                    } else {
                      s -= x;
                    }
                  }
                  return s;
                }
              """;
          default ->
              """
                String join%1$d(List<String> xs) {
                  StringBuilder sb = new StringBuilder();
                  for (String x : xs) {
                    if (sb.length() > 0) {
                      sb.append(", ");
                    }
                    sb.append(x.trim());
                  }
                  return sb.toString();
                }
              """;
        };
    return s.formatted(i) + "\n";
  }

  /**
   * A class with one method of {@code blocks} blocks, each with three resources (one in
   * try-with-resources, one closed in {@code finally}, one leaked on a branch), branches, loops and
   * try blocks.
   */
  public static String oneLargeMethod(String pkg, String name, int blocks) {
    StringBuilder sb = new StringBuilder("package ").append(pkg).append(";\n\n").append(IMPORTS);
    sb.append("class ").append(name).append(" {\n");
    sb.append("  int large(File f) throws IOException {\n    int total = 0;\n");
    for (int i = 0; i < blocks; i++) {
      sb.append(
          """
              try (InputStream in%1$d = new FileInputStream(f)) {
                if (in%1$d.read() > %1$d) {
                  total += %1$d;
                } else {
                  total -= 1;
                }
                for (int k = 0; k < 3; k++) {
                  total += in%1$d.read();
                }
              } catch (FileNotFoundException e) {
                total = -1;
              }
              Reader r%1$d = new FileReader(f);
              try {
                while (r%1$d.ready()) {
                  total += r%1$d.read();
                }
              } finally {
                r%1$d.close();
              }
              if (total == %1$d) {
                OutputStream o%1$d = new FileOutputStream(f);
                o%1$d.write(total);
              }
          """
              .formatted(i));
    }
    sb.append("    return total;\n  }\n}\n");
    return sb.toString();
  }

  /**
   * A class whose method {@code deep} holds {@code resources} resources in try-with-resources
   * blocks nested {@code depth} deep, then in sequence, with a branch and a loop in each block.
   */
  public static String deeplyNested(String pkg, String name, int resources, int depth) {
    StringBuilder sb = new StringBuilder("package ").append(pkg).append(";\n\n").append(IMPORTS);
    sb.append("class ").append(name).append(" {\n");
    sb.append("  int deep(File f) throws IOException {\n    int total = 0;\n");
    int opened = 0;
    while (opened < resources) {
      int level = 0;
      for (; level < depth && opened < resources; level++, opened++) {
        sb.append(
            """
                try (InputStream in%1$d = new FileInputStream(f)) {
                  if (in%1$d.read() > %1$d) {
                    total++;
                  }
                  for (int k%1$d = 0; k%1$d < 2; k%1$d++) {
                    total += in%1$d.available();
                  }
            """
                .formatted(opened));
      }
      sb.append("    total++;\n");
      sb.append("    }\n".repeat(level));
    }
    sb.append("    return total;\n  }\n}\n");
    return sb.toString();
  }

  /** A method that opens {@code resources} streams and closes none: each is its own leak. */
  public static String manyOpen(String pkg, String name, int resources) {
    StringBuilder sb = new StringBuilder("package ").append(pkg).append(";\n\n").append(IMPORTS);
    sb.append("class ").append(name).append(" {\n");
    sb.append("  void open(File f) throws IOException {\n");
    for (int i = 0; i < resources; i++) {
      sb.append("    InputStream in").append(i).append(" = new FileInputStream(f);\n");
    }
    sb.append("  }\n}\n");
    return sb.toString();
  }

  /**
   * A class whose method {@code locks} takes {@code locks} locks, each released in a {@code
   * finally} block, nested {@code depth} deep, with a branch and a loop in each block, and one lock
   * left held when a branch returns early.
   */
  public static String deeplyNestedLocks(String pkg, String name, int locks, int depth) {
    StringBuilder sb = new StringBuilder("package ").append(pkg).append(";\n\n").append(IMPORTS);
    sb.append("class ").append(name).append(" {\n");
    for (int i = 0; i < locks; i++) {
      sb.append("  private final Lock lock").append(i).append(" = new ReentrantLock();\n");
    }
    sb.append("  int locks(int[] xs) {\n    int total = 0;\n");
    sb.append("    lock0.lock();\n    if (xs.length == 0) {\n      return 0;\n    }\n");
    sb.append("    lock0.unlock();\n");
    int taken = 0;
    while (taken < locks) {
      int level = 0;
      for (; level < depth && taken < locks; level++, taken++) {
        sb.append(
            """
                lock%1$d.lock();
                try {
                  if (xs[0] > %1$d) {
                    total++;
                  }
                  for (int x : xs) {
                    total += x;
                  }
            """
                .formatted(taken));
      }
      sb.append("    total++;\n");
      for (int i = taken - 1; i >= taken - level; i--) {
        sb.append("    } finally {\n      lock").append(i).append(".unlock();\n    }\n");
      }
    }
    sb.append("    return total;\n  }\n}\n");
    return sb.toString();
  }
}
