package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakproof.testing.Mutants;
import dev.leakproof.testing.SourceCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compiles variants of the testdata corpus, each made by one small edit ({@link Mutants}), with
 * every Leakproof check on, and fails if the plugin throws or hangs, whether the variant compiles
 * or not. Runs with {@code -Dleakproof.strict=true}, so an error the check boundary would turn into
 * a note fails here. The number of variants is {@code -Dleakproof.mutation.variants} (a fast slice
 * by default; {@code mvn -B verify -Pmutation} runs 3,000). A failure names the seed and the edit,
 * and writes the variant to {@code target/mutants/}.
 */
class MutationTest {
  private static final long SEED = 20_261_122L;
  private static final int BATCH = 40;

  private record Variant(String path, String text, String origin, long seed, String edit) {}

  @Test
  void pluginNeverThrowsOnVariantsOfTheCorpus() throws IOException {
    int wanted = Integer.getInteger("leakproof.mutation.variants", 120);
    List<Path> files = new ArrayList<>();
    for (Path folder : TestdataTest.checkFolders()) {
      files.addAll(TestdataTest.javaFiles(folder));
    }
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f));
    }
    List<Variant> variants = new ArrayList<>();
    for (long k = 0; variants.size() < wanted; k++) {
      int file = (int) (k % files.size());
      long seed = SEED + k;
      Mutants.Mutant m = Mutants.of(texts.get(file), seed);
      if (m != null) {
        // Each variant in a package of its own, so that a batch compiles them side by side.
        String pkg = "m" + k;
        String text = m.text().replaceFirst("(?m)^package ", "package " + pkg + ".");
        Path origin = TestdataTest.ROOT.relativize(files.get(file));
        variants.add(
            new Variant(
                pkg + "/" + origin.toString().replace('\\', '/'),
                text,
                origin.toString(),
                seed,
                m.edit()));
      }
    }
    long start = System.nanoTime();
    Outcome outcome = new Outcome();
    try (SourceCompiler compiler = new SourceCompiler()) {
      for (int i = 0; i < variants.size(); i += BATCH) {
        run(compiler, variants.subList(i, Math.min(variants.size(), i + BATCH)), outcome);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Mutation test: %d variants of %d files (seed %d), %d compiled, %d rejected by javac,"
            + " %d crashes, %.1f s%n",
        variants.size(),
        files.size(),
        SEED,
        outcome.compiled,
        variants.size() - outcome.compiled - outcome.crashes.size(),
        outcome.crashes.size(),
        (System.nanoTime() - start) / 1e9);
    assertTrue(outcome.compiled > variants.size() / 5, "too few variants compile to test much");
    assertEquals(List.of(), outcome.crashes);
  }

  private static final class Outcome {
    int compiled;
    final List<String> crashes = new ArrayList<>();
  }

  /**
   * Compiles a batch; javac skips Error Prone once it has reported an error, so the variants with
   * errors are taken out and the rest compiled again, until what is left compiles.
   */
  private static void run(SourceCompiler compiler, List<Variant> batch, Outcome outcome) {
    List<Variant> pending = new ArrayList<>(batch);
    for (int round = 0; round < 3 && !pending.isEmpty(); round++) {
      Attempt a = attempt(compiler, pending);
      if (a.crash != null) {
        pending.forEach(v -> runAlone(compiler, v, outcome));
        return;
      }
      if (a.rejected.isEmpty()) {
        outcome.compiled += pending.size();
        return;
      }
      if (a.rejected.contains(null)) {
        break; // an error without a file: look at each one alone
      }
      pending.removeIf(v -> a.rejected.contains(v.path()));
    }
    pending.forEach(v -> runAlone(compiler, v, outcome));
  }

  private static void runAlone(SourceCompiler compiler, Variant v, Outcome outcome) {
    Attempt a = attempt(compiler, List.of(v));
    if (a.crash != null) {
      outcome.crashes.add(report(v, a.crash));
    } else if (a.rejected.isEmpty()) {
      outcome.compiled++;
    }
  }

  private record Attempt(String crash, Set<String> rejected) {}

  private static Attempt attempt(SourceCompiler compiler, List<Variant> variants) {
    List<SourceCompiler.Source> sources =
        variants.stream().map(v -> new SourceCompiler.Source(v.path(), v.text())).toList();
    // A compilation that does not finish is a hang: it runs in a thread of its own, which is left
    // behind (it cannot be stopped) and the variant reported.
    SourceCompiler.Result[] result = new SourceCompiler.Result[1];
    Throwable[] thrown = new Throwable[1];
    Thread t =
        new Thread(
            () -> {
              try {
                result[0] =
                    compiler.compile(
                        sources,
                        SourceCompiler.ALL_LEAKPROOF_CHECKS,
                        List.of("-XDshould-stop.ifNoError=FLOW"));
              } catch (Throwable e) {
                thrown[0] = e;
              }
            });
    t.setDaemon(true);
    t.start();
    try {
      t.join(TimeUnit.SECONDS.toMillis(variants.size() == 1 ? 60 : 300));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (t.isAlive()) {
      return new Attempt("hang: the compilation did not finish", Set.of());
    }
    if (thrown[0] != null) {
      return new Attempt(thrown[0].toString(), Set.of());
    }
    SourceCompiler.Result r = result[0];
    if (r.output().contains("An exception has occurred")) {
      return new Attempt(r.output(), Set.of());
    }
    Set<String> rejected = new HashSet<>();
    for (Diagnostic<? extends JavaFileObject> d : r.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (message.contains("An unhandled exception was thrown by the Error Prone")
          || message.contains("internal error")) {
        return new Attempt(message, Set.of());
      }
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        rejected.add(d.getSource() == null ? null : pathOf(d.getSource().toUri()));
      }
    }
    return new Attempt(null, rejected);
  }

  private static String pathOf(URI uri) {
    return uri.getPath().substring(1);
  }

  private static String report(Variant v, String crash) {
    Path out = Path.of("target", "mutants", v.seed() + "-" + Path.of(v.path()).getFileName());
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, v.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "seed "
        + v.seed()
        + ", "
        + v.origin()
        + ", "
        + v.edit()
        + " (variant in "
        + out
        + "):\n"
        + crash.lines().limit(30).reduce("", (a, b) -> a + "\n    " + b);
  }
}
