package dev.leakproof.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The overhead benchmark's driver. For each library whose {@code -sources.jar} Maven copied into
 * {@code target/sources}, it compiles all of the library's sources in a fresh JVM:
 *
 * <ul>
 *   <li>{@code off}: javac + Error Prone with {@code -XepDisableAllChecks} (the baseline);
 *   <li>{@code on}: the same plus every Leakproof check at WARNING;
 * </ul>
 *
 * alternating the two (on/off, then off/on, ...) so that load from other processes on the machine
 * falls on both alike, and prints the medians of wall time, CPU time and peak RSS and the ratios
 * on/off. For reference, it then compiles the same sources with plain javac and with the Checker
 * Framework's Resource Leak Checker, alternating, and prints that ratio too.
 *
 * <p>Every {@code on} run is also a robustness test: a javac crash, an exception escaping Error
 * Prone or a check, an error, or a run over the time limit fails the benchmark with exit code 1.
 */
public final class Bench {
  private static final List<String> CHECKS =
      List.of(
          "ResourceLeak",
          "ResourceLeakOnException",
          "UnclosedResourceField",
          "PreferTryWithResources",
          "UnreleasedLock",
          "UnrestoredState");

  private static final List<String> JAVAC_PACKAGES =
      List.of(
          "api", "code", "comp", "file", "main", "model", "parser", "processing", "tree", "util");

  /** Output that means the compiler or a plug-in failed, whatever the exit code says. */
  private static final List<String> CRASH_MARKERS =
      List.of(
          "An exception has occurred in the compiler",
          "An unhandled exception was thrown by the Error Prone",
          "crashed",
          "Exception in thread",
          "java.lang.OutOfMemoryError",
          "java.lang.StackOverflowError");

  private static final Pattern FINDING = Pattern.compile("warning: \\[(\\w+)\\]");
  private static final Pattern STATS =
      Pattern.compile(
          "BENCH-STATS cpuNanos=(-?\\d+) peakRssKb=(-?\\d+) mainThreadCpuNanos=(-?\\d+)");

  private enum Config {
    OFF,
    ON,
    JAVAC,
    CF
  }

  private record Library(
      String name, Path sourcesJar, Path sourceDir, Path argFile, int files, long lines) {}

  /**
   * One compile: wall time as the driver sees it, CPU time of the whole process (javac's thread
   * plus the JIT compiler and GC threads) and of javac's thread alone, and peak RSS.
   */
  private record Run(
      long wallNanos, long cpuNanos, long mainCpuNanos, long rssKb, int exitCode, String output) {}

  private record Stats(double wallSeconds, double cpuSeconds, double mainCpuSeconds, double rssMb) {
    static Stats median(List<Run> runs) {
      return new Stats(
          median(runs.stream().mapToLong(Run::wallNanos).toArray()) / 1e9,
          median(runs.stream().mapToLong(Run::cpuNanos).toArray()) / 1e9,
          median(runs.stream().mapToLong(Run::mainCpuNanos).toArray()) / 1e9,
          median(runs.stream().mapToLong(Run::rssKb).toArray()) / 1024);
    }

    private static double median(long[] values) {
      Arrays.sort(values);
      int n = values.length;
      if (n == 0) {
        return Double.NaN; // -Dbench.runs=0: only the reference
      }
      return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    }
  }

  private final Path work;
  private final String processorPath;
  private final String checkerFramework;
  private final String checkerQual;
  private final List<Path> classpathJars;
  private final List<String> extraJvmArgs;
  private final long timeoutMinutes;
  private final List<String> failures = new ArrayList<>();

  private Bench(Map<String, String> options) throws IOException {
    work = Path.of(options.get("work")).toAbsolutePath();
    Path plugin = Path.of(options.get("plugin")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(plugin)) {
      throw new IllegalStateException(
          "no plugin jar at "
              + plugin
              + "; run `mvn -B package -DskipTests` in the repository root");
    }
    List<String> path = new ArrayList<>();
    path.add(plugin.toString());
    path.add(Files.readString(work.resolve("errorprone.classpath")).strip());
    path.removeIf(String::isEmpty);
    processorPath = String.join(File.pathSeparator, path);
    try (Stream<Path> jars = Files.list(work.resolve("checkerframework"))) {
      List<Path> cf = jars.sorted().toList();
      checkerFramework = String.join(File.pathSeparator, cf.stream().map(Path::toString).toList());
      checkerQual =
          cf.stream()
              .filter(p -> p.getFileName().toString().startsWith("checker-qual"))
              .map(Path::toString)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no checker-qual jar"));
    }
    try (Stream<Path> jars = Files.list(work.resolve("classpath"))) {
      classpathJars = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
    String extra = options.getOrDefault("extra", "").strip();
    extraJvmArgs =
        extra.isEmpty()
            ? List.of()
            : Arrays.stream(extra.split("\\s+")).map(a -> a.replaceFirst("^-J", "")).toList();
    timeoutMinutes = Long.parseLong(options.getOrDefault("timeout-minutes", "30"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    Bench bench = new Bench(options);
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    int cfRuns = Integer.parseInt(options.getOrDefault("cf-runs", "1"));
    String only = options.getOrDefault("libs", "all").strip();
    System.exit(bench.run(runs, cfRuns, only.isEmpty() || only.equals("all") ? null : only));
  }

  private int run(int runs, int cfRuns, String only) throws Exception {
    List<Library> libraries = new ArrayList<>();
    try (Stream<Path> jars = Files.list(work.resolve("sources"))) {
      for (Path jar : jars.sorted().toList()) {
        String name = jar.getFileName().toString().replaceFirst("-sources\\.jar$", "");
        String artifact = name.replaceFirst("-\\d.*$", "");
        if (only == null || Arrays.asList(only.split(",")).contains(artifact)) {
          libraries.add(unpack(name, jar));
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Java %s (%s), %d processors; %d alternating on/off pairs per library%n%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(),
        runs);
    System.out.printf(Locale.ROOT, "%-24s %7s %9s%n", "library", "files", "lines");
    long total = 0;
    for (Library library : libraries) {
      System.out.printf(
          Locale.ROOT, "%-24s %7d %9d%n", library.name(), library.files(), library.lines());
      total += library.lines();
    }
    System.out.printf(Locale.ROOT, "%-24s %7s %9d%n%n", "total", "", total);

    List<String> rows = new ArrayList<>();
    for (Library library : libraries) {
      rows.add(measure(library, runs, cfRuns));
    }
    System.out.println();
    System.out.println(
        "Medians (wall s, CPU s, peak RSS MB) and ratios on/off; javac x = CPU time of javac's own"
            + " thread (without JIT and GC threads); CF x = Checker Framework Resource Leak"
            + " Checker / plain javac, wall time");
    System.out.println(header());
    rows.forEach(System.out::println);
    if (!failures.isEmpty()) {
      System.out.println();
      System.out.println("FAILED: " + failures.size() + " run(s) crashed, failed or hung:");
      failures.forEach(f -> System.out.println("  " + f));
      return 1;
    }
    System.out.println();
    System.out.println("No crashes: every Leakproof run compiled cleanly.");
    return 0;
  }

  private static String header() {
    return String.format(
        Locale.ROOT,
        "| %-24s | %6s | %8s | %7s | %7s | %6s | %7s | %6s | %6s | %6s | %7s | %6s | %6s |",
        "library",
        "lines",
        "wall off",
        "wall on",
        "cpu off",
        "cpu on",
        "rss off",
        "rss on",
        "wall x",
        "cpu x",
        "javac x",
        "rss x",
        "CF x");
  }

  private String measure(Library library, int runs, int cfRuns) throws Exception {
    System.out.printf(Locale.ROOT, "== %s%n", library.name());
    Run warmup = compile(library, Config.OFF);
    if (warmup.exitCode() != 0) {
      throw new IllegalStateException(
          library.name() + " does not compile even with all checks off:\n" + tail(warmup.output()));
    }
    List<Run> off = new ArrayList<>();
    List<Run> on = new ArrayList<>();
    Map<String, Integer> findings = null;
    for (int i = 0; i < runs; i++) {
      for (Config config :
          i % 2 == 0 ? List.of(Config.ON, Config.OFF) : List.of(Config.OFF, Config.ON)) {
        Run run = compile(library, config);
        System.out.printf(
            Locale.ROOT,
            "   %-3s wall %6.2fs  cpu %6.2fs  javac thread %6.2fs  rss %5d MB%n",
            config.name().toLowerCase(Locale.ROOT),
            run.wallNanos() / 1e9,
            run.cpuNanos() / 1e9,
            run.mainCpuNanos() / 1e9,
            run.rssKb() / 1024);
        (config == Config.ON ? on : off).add(run);
        if (config == Config.ON) {
          check(library, run);
          if (findings == null) {
            findings = findings(run.output());
          }
        }
      }
    }
    if (runs > 0) {
      System.out.println("   findings: " + findings);
    }
    String cf = "n/a";
    if (cfRuns > 0) {
      List<Run> javac = new ArrayList<>();
      List<Run> checker = new ArrayList<>();
      boolean ran = true;
      for (int i = 0; i < cfRuns && ran; i++) {
        javac.add(compile(library, Config.JAVAC));
        Run run = compile(library, Config.CF);
        System.out.printf(
            Locale.ROOT,
            "   javac %6.2fs  CF RLC %6.2fs (exit %d)%n",
            javac.get(javac.size() - 1).wallNanos() / 1e9,
            run.wallNanos() / 1e9,
            run.exitCode());
        ran = run.exitCode() == 0 && crashMarker(run.output()) == null;
        checker.add(run);
      }
      if (ran) {
        cf =
            String.format(
                Locale.ROOT,
                "%.2f",
                Stats.median(checker).wallSeconds() / Stats.median(javac).wallSeconds());
      } else {
        System.out.println(
            "   the Checker Framework did not finish:\n"
                + tail(checker.get(checker.size() - 1).output()));
        cf = "failed";
      }
    }
    Stats offStats = Stats.median(off);
    Stats onStats = Stats.median(on);
    String row =
        String.format(
            Locale.ROOT,
            "| %-24s | %6d | %8.2f | %7.2f | %7.2f | %6.2f | %7.0f | %6.0f | %6.3f | %6.3f | %7.3f"
                + " | %6.3f | %6s |",
            library.name(),
            library.lines(),
            offStats.wallSeconds(),
            onStats.wallSeconds(),
            offStats.cpuSeconds(),
            onStats.cpuSeconds(),
            offStats.rssMb(),
            onStats.rssMb(),
            onStats.wallSeconds() / offStats.wallSeconds(),
            onStats.cpuSeconds() / offStats.cpuSeconds(),
            onStats.mainCpuSeconds() / offStats.mainCpuSeconds(),
            onStats.rssMb() / offStats.rssMb(),
            cf);
    System.out.println(header());
    System.out.println(row);
    return row;
  }

  /** Records a failure when a Leakproof run crashed, reported an error or did not finish. */
  private void check(Library library, Run run) throws IOException {
    String marker = crashMarker(run.output());
    if (run.exitCode() != 0 || marker != null) {
      Path log = work.resolve("bench-logs").resolve(library.name() + "-on.log");
      Files.createDirectories(log.getParent());
      Files.writeString(log, run.output());
      String why = marker != null ? "\"" + marker + "\"" : "exit code " + run.exitCode();
      failures.add(library.name() + ": " + why + ", full output in " + log);
      System.out.println("   FAILED (" + why + "):\n" + tail(run.output()));
    }
  }

  private static String crashMarker(String output) {
    for (String marker : CRASH_MARKERS) {
      if (output.contains(marker)) {
        return marker;
      }
    }
    return null;
  }

  private static Map<String, Integer> findings(String output) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = FINDING.matcher(output);
    while (m.find()) {
      if (CHECKS.contains(m.group(1))) {
        counts.merge(m.group(1), 1, Integer::sum);
      }
    }
    return counts;
  }

  private Run compile(Library library, Config config) throws Exception {
    Path out = work.resolve("bench-classes").resolve(library.name());
    deleteTree(out);
    Files.createDirectories(out);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String pkg : JAVAC_PACKAGES) {
      command.add("--add-exports=jdk.compiler/com.sun.tools.javac." + pkg + "=ALL-UNNAMED");
    }
    if (config == Config.CF) {
      command.add("--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");
    }
    command.addAll(extraJvmArgs);
    command.add("-cp");
    command.add(
        Path.of(Compile.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    command.add(Compile.class.getName());
    // ISO-8859-1 decodes any byte: some libraries have Latin-1 comments, others UTF-8 ones.
    command.addAll(List.of("-d", out.toString(), "-encoding", "ISO-8859-1", "--release", "17"));
    command.addAll(List.of("-Xmaxwarns", "100000", "-Xmaxerrs", "100000", "-implicit:none"));
    command.add("-cp");
    command.add(
        config == Config.CF
            ? classpathFor(library) + File.pathSeparator + checkerQual
            : classpathFor(library));
    switch (config) {
      case OFF, ON -> {
        command.addAll(
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-proc:none",
                "-processorpath",
                processorPath));
        StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
        if (config == Config.ON) {
          CHECKS.forEach(check -> plugin.append(" -Xep:").append(check).append(":WARN"));
        }
        command.add(plugin.toString());
      }
      case JAVAC -> command.add("-proc:none");
      case CF ->
          command.addAll(
              List.of(
                  "-processorpath",
                  checkerFramework,
                  "-processor",
                  "org.checkerframework.checker.resourceleak.ResourceLeakChecker",
                  "-Awarns"));
    }
    command.add("@" + library.argFile());
    Path log = Files.createTempFile(work, "compile", ".log");
    try {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean finished = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
      long wall = System.nanoTime() - start;
      if (!finished) {
        process.destroyForcibly().waitFor();
        String why = library.name() + " " + config + ": no result after " + timeoutMinutes + " min";
        if (config == Config.ON) {
          failures.add(why);
        }
        return new Run(wall, -1, -1, -1, -1, why);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Matcher stats = STATS.matcher(output);
      long cpu = -1;
      long rss = -1;
      long mainCpu = -1;
      if (stats.find()) {
        cpu = Long.parseLong(stats.group(1));
        rss = Long.parseLong(stats.group(2));
        mainCpu = Long.parseLong(stats.group(3));
        output = output.substring(0, stats.start());
      }
      return new Run(wall, cpu, mainCpu, rss, process.exitValue(), output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Every jar Maven resolved except the library's own, so that only its sources define it. */
  private String classpathFor(Library library) {
    String own = library.name() + ".jar";
    return String.join(
        File.pathSeparator,
        classpathJars.stream()
            .filter(jar -> !jar.getFileName().toString().equals(own))
            .map(Path::toString)
            .toList());
  }

  private Library unpack(String name, Path jar) throws IOException {
    Path dir = work.resolve("bench-sources").resolve(name);
    deleteTree(dir);
    List<Path> files = new ArrayList<>();
    long lines = 0;
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String entryName = entry.getName();
        // module-info would turn the compile into a module compile against a classpath
        if (entry.isDirectory()
            || !entryName.endsWith(".java")
            || entryName.endsWith("module-info.java")
            || entryName.startsWith("META-INF/")) {
          continue;
        }
        Path file = dir.resolve(entryName).normalize();
        if (!file.startsWith(dir)) {
          throw new IOException("entry outside the jar's root: " + entryName);
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = zip.readAllBytes();
        Files.write(file, bytes);
        files.add(file);
        lines += new String(bytes, StandardCharsets.UTF_8).lines().count();
      }
    }
    files.sort(Comparator.naturalOrder());
    Path argFile = work.resolve("bench-sources").resolve(name + ".files");
    Files.write(
        argFile,
        files.stream().map(p -> "\"" + p.toString().replace("\\", "\\\\") + "\"").toList());
    return new Library(name, jar, dir, argFile, files.size(), lines);
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
