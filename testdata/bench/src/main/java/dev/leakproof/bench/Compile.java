package dev.leakproof.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/**
 * Runs javac in this JVM with the given arguments, then prints this process's CPU time and peak
 * resident set size on the last line of standard error, so that the driver measures the compile and
 * nothing else. Exits with javac's exit code.
 */
public final class Compile {
  private Compile() {}

  public static void main(String[] args) throws Exception {
    int rc = ToolProvider.getSystemJavaCompiler().run(null, System.out, System.err, args);
    System.out.flush();
    long cpuNanos =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long mainCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    System.err.println(
        "BENCH-STATS cpuNanos="
            + cpuNanos
            + " peakRssKb="
            + peakRssKb()
            + " mainThreadCpuNanos="
            + mainCpuNanos);
    System.err.flush();
    System.exit(rc);
  }

  /** VmHWM from /proc (Linux); -1 where there is none. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }
}
