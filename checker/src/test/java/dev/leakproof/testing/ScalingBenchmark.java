package dev.leakproof.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Compiles generated sources at 1×, 10× and 100× size, with Error Prone and all its checks off and
 * with every Leakproof check on, alternating the two, and prints the median times, their ratio and
 * the time per thousand lines and per method at each size: if the analysis grows linearly, the
 * per-line figures stay flat. Run it by hand ({@code mvn -B verify -Pscaling}, or this class's
 * {@code main} with the test class path); it is no test.
 *
 * <p>Compilations stop after flow analysis, where Error Prone runs: the single-class shapes at 100×
 * exceed the class file's limits, and code generation costs the same in both runs.
 */
public final class ScalingBenchmark {
  /** The entry point of {@code -Pscaling}. */
  @Test
  void printScaling() {
    main(new String[] {System.getProperty("leakproof.scaling.runs", "5")});
  }

  private record Shape(String name, IntFunction<List<SourceCompiler.Source>> sources) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "many classes",
              scale -> {
                List<SourceCompiler.Source> out = new ArrayList<>();
                for (int c = 0; c < 5 * scale; c++) {
                  out.add(
                      new SourceCompiler.Source(
                          "gen/C" + c + ".java", Generated.classWithMethods("gen", "C" + c, 40)));
                }
                return out;
              }),
          new Shape(
              "many methods",
              scale ->
                  List.of(
                      new SourceCompiler.Source(
                          "gen/M.java", Generated.classWithMethods("gen", "M", 200 * scale)))),
          new Shape(
              "one method",
              scale ->
                  List.of(
                      new SourceCompiler.Source(
                          "gen/L.java", Generated.oneLargeMethod("gen", "L", 10 * scale)))));

  private static final List<String> OPTIONS = List.of("-XDshould-stop.ifNoError=FLOW");

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    try (SourceCompiler compiler = new SourceCompiler()) {
      // Warm up the JIT and the class path index on the small sizes.
      for (int i = 0; i < 5; i++) {
        for (Shape shape : SHAPES) {
          List<SourceCompiler.Source> s = shape.sources().apply(1);
          compiler.compile(s, SourceCompiler.NO_CHECKS, OPTIONS);
          compiler.compile(s, SourceCompiler.ALL_LEAKPROOF_CHECKS, OPTIONS);
        }
      }
      System.out.printf(
          "%-13s %5s %8s %7s %9s %9s %6s %12s %12s %14s%n",
          "shape",
          "size",
          "lines",
          "methods",
          "off (ms)",
          "on (ms)",
          "ratio",
          "on ms/1k ln",
          "extra/1k ln",
          "extra us/meth");
      for (Shape shape : SHAPES) {
        for (int scale : new int[] {1, 10, 100}) {
          List<SourceCompiler.Source> sources = shape.sources().apply(scale);
          long lines = sources.stream().mapToLong(s -> s.text().lines().count()).sum();
          long methods =
              sources.stream()
                  .mapToLong(
                      s -> s.text().lines().filter(l -> l.matches("  \\w.*\\) .*\\{")).count())
                  .sum();
          int n = scale == 100 ? Math.max(3, runs / 2) : runs;
          double[] off = new double[n];
          double[] on = new double[n];
          for (int r = 0; r < n; r++) {
            off[r] = time(compiler, sources, SourceCompiler.NO_CHECKS);
            on[r] = time(compiler, sources, SourceCompiler.ALL_LEAKPROOF_CHECKS);
          }
          double offMs = median(off);
          double onMs = median(on);
          System.out.printf(
              Locale.ROOT,
              "%-13s %4dx %8d %7d %9.0f %9.0f %6.2f %12.1f %12.2f %14.1f%n",
              shape.name(),
              scale,
              lines,
              methods,
              offMs,
              onMs,
              onMs / offMs,
              onMs * 1000 / lines,
              (onMs - offMs) * 1000 / lines,
              (onMs - offMs) * 1000 / methods);
        }
      }
      budget(compiler, runs);
    }
  }

  /**
   * The cost of single generated methods near and over the budget: the extra time of the run with
   * Leakproof on is what that one method cost.
   */
  private static void budget(SourceCompiler compiler, int runs) {
    record Case(String name, String source) {}
    List<Case> cases =
        List.of(
            new Case("100 blocks, 300 resources", Generated.oneLargeMethod("gen", "B", 100)),
            new Case("1,000 blocks, 3,000 resources", Generated.oneLargeMethod("gen", "B", 1000)),
            new Case(
                "1,000 resources nested 200 deep", Generated.deeplyNested("gen", "B", 1000, 200)),
            new Case(
                "1,000 resources nested 20 deep", Generated.deeplyNested("gen", "B", 1000, 20)),
            new Case(
                "1,000 locks nested 20 deep", Generated.deeplyNestedLocks("gen", "B", 1000, 20)),
            new Case("1,000 streams left open", Generated.manyOpen("gen", "B", 1000)));
    System.out.printf(
        "%n%-33s %7s %9s %9s %10s  %s%n",
        "one method", "lines", "off (ms)", "on (ms)", "extra (ms)", "outcome");
    for (Case c : cases) {
      List<SourceCompiler.Source> sources =
          List.of(new SourceCompiler.Source("gen/B.java", c.source()));
      double[] off = new double[runs];
      double[] on = new double[runs];
      String outcome = "";
      for (int r = 0; r < runs; r++) {
        off[r] = time(compiler, sources, SourceCompiler.NO_CHECKS);
        long start = System.nanoTime();
        SourceCompiler.Result result =
            compiler.compile(sources, SourceCompiler.ALL_LEAKPROOF_CHECKS, OPTIONS);
        on[r] = (System.nanoTime() - start) / 1e6;
        outcome =
            result.warnings().stream().anyMatch(w -> w.contains("did not check"))
                ? "skipped with a note"
                : "analysed, " + result.warnings().size() + " findings";
      }
      System.out.printf(
          Locale.ROOT,
          "%-33s %7d %9.0f %9.0f %10.0f  %s%n",
          c.name(),
          c.source().lines().count(),
          median(off),
          median(on),
          median(on) - median(off),
          outcome);
    }
  }

  private static double time(
      SourceCompiler compiler, List<SourceCompiler.Source> sources, String checks) {
    System.gc();
    long start = System.nanoTime();
    SourceCompiler.Result result = compiler.compile(sources, checks, OPTIONS);
    double ms = (System.nanoTime() - start) / 1e6;
    if (!result.errors().isEmpty()) {
      throw new AssertionError("generated sources do not compile: " + result.errors().get(0));
    }
    return ms;
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
