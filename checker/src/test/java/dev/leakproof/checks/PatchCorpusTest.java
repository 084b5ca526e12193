package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refactoring workflow end to end, on a copy of the whole testdata corpus: apply every leak fix
 * with Error Prone's patch mode, then every {@code PreferTryWithResources} rewrite. After each
 * stage the patched code must compile, no finding that carried a fix may remain, no new finding may
 * appear, and a second patch pass must change nothing.
 */
class PatchCorpusTest {
  private static final Set<String> LEAK_FIXES = Set.of("ResourceLeak", "ResourceLeakOnException");
  private static final Set<String> REFACTORING = Set.of("PreferTryWithResources");

  @TempDir Path dir;

  @Test
  void everyFixCompilesRemovesItsFindingAndIsStable() throws IOException {
    List<Path> files = copyCorpus();
    Scanner.Result before = Scanner.scan(files, List.of());
    assertTrue(before.errors().isEmpty(), "the corpus compiles: " + before.errors());
    assertTrue(total(count(before, LEAK_FIXES, true)) > 0, "the corpus has leaks with fixes");
    assertTrue(total(count(before, REFACTORING, true)) > 0, "the corpus has manual closes");

    Scanner.Result afterLeaks = patchTwice(files, LEAK_FIXES, before);
    patchTwice(files, REFACTORING, afterLeaks);
  }

  /**
   * Applies the fixes of {@code checks}, checks the result against {@code before}, and applies them
   * again to show that nothing changes. Returns the findings on the patched code.
   */
  private Scanner.Result patchTwice(List<Path> files, Set<String> checks, Scanner.Result before)
      throws IOException {
    String patchChecks = "-XepPatchChecks:" + String.join(",", new TreeSet<>(checks));
    Scanner.Result patch = Scanner.scan(files, List.of(patchChecks, "-XepPatchLocation:IN_PLACE"));
    assertTrue(patch.errors().isEmpty(), "patching " + checks + " failed: " + patch.errors());
    Map<Path, String> patched = read(files);

    Scanner.Result after = Scanner.scan(files, List.of());
    assertEquals(List.of(), after.errors(), "the corpus patched by " + checks + " must compile");
    // No finding may appear, and none that had a fix may stay. Findings without a fix may go too:
    // fixing a ZipFile or a connection releases the streams and statements that went with it.
    Set<String> leakChecks = Set.of("ResourceLeak", "ResourceLeakOnException");
    assertEquals(
        Map.of(),
        difference(count(after, leakChecks, false), count(before, leakChecks, false)),
        "new findings after patching " + checks);
    assertEquals(
        Map.of(),
        difference(count(after, leakChecks, true), count(before, leakChecks, true)),
        "new findings with a fix after patching " + checks);
    assertEquals(
        Map.of(), count(after, checks, true), "findings with a fix after patching " + checks);

    Scanner.Result again = Scanner.scan(files, List.of(patchChecks, "-XepPatchLocation:IN_PLACE"));
    assertTrue(again.errors().isEmpty(), "second patch pass failed: " + again.errors());
    assertEquals(patched, read(files), "a second pass of " + checks + " must change nothing");
    return after;
  }

  /**
   * The other patch location: a directory, where Error Prone writes {@code error-prone.patch} with
   * paths relative to it and leaves the sources alone. {@code git apply -p0} there must give what
   * patching in place gives.
   */
  @Test
  void patchFileAppliesWithGitAndMatchesPatchingInPlace() throws Exception {
    Path inPlaceRoot = Files.createDirectories(dir.resolve("in-place"));
    Path patchRoot = Files.createDirectories(dir.resolve("patch-file"));
    List<Path> inPlace = copyCorpus(inPlaceRoot);
    List<Path> viaPatch = copyCorpus(patchRoot);
    Map<Path, String> original = read(viaPatch);
    String patchChecks = "-XepPatchChecks:ResourceLeak,ResourceLeakOnException";

    Scanner.Result a = Scanner.scan(inPlace, List.of(patchChecks, "-XepPatchLocation:IN_PLACE"));
    assertTrue(a.errors().isEmpty(), a.errors().toString());
    Scanner.Result b =
        Scanner.scan(viaPatch, List.of(patchChecks, "-XepPatchLocation:" + patchRoot));
    assertTrue(b.errors().isEmpty(), b.errors().toString());
    Path patch = patchRoot.resolve("error-prone.patch");
    assertTrue(Files.exists(patch), "no patch file at " + patch);
    assertEquals(original, read(viaPatch), "writing a patch file must leave the sources alone");

    Process git =
        new ProcessBuilder("git", "apply", "-p0", patch.getFileName().toString())
            .directory(patchRoot.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, git.waitFor(), "git apply failed: " + output);
    for (int i = 0; i < inPlace.size(); i++) {
      assertEquals(
          Files.readString(inPlace.get(i)),
          Files.readString(viaPatch.get(i)),
          "patch file and in-place patching differ on " + inPlaceRoot.relativize(inPlace.get(i)));
    }
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private List<Path> copyCorpus() throws IOException {
    return copyCorpus(dir);
  }

  private static List<Path> copyCorpus(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : TestdataTest.checkFolders()) {
      Path target = Files.createDirectories(root.resolve(folder.getFileName()));
      for (Path file : TestdataTest.javaFiles(folder)) {
        if (!file.toString().endsWith(".fixed.java")) {
          Path copy = target.resolve(file.getFileName());
          Files.copy(file, copy);
          files.add(copy);
        }
      }
    }
    return files;
  }

  /**
   * Findings of {@code checks}, with or without a fix, counted by file, check and subject (the part
   * of the message before any line number, which patching shifts).
   */
  private static Map<String, Integer> count(
      Scanner.Result result, Set<String> checks, boolean withFix) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Scanner.Finding f : result.findings()) {
      if (!checks.contains(f.check())) {
        continue;
      }
      boolean fixable = !f.message().contains("(no automatic fix:");
      if (fixable != withFix) {
        continue;
      }
      String subject = f.message().replaceAll("\\d+", "#");
      counts.merge(
          f.file().getParent().getFileName()
              + "/"
              + f.file().getFileName()
              + " "
              + f.check()
              + " "
              + subject,
          1,
          Integer::sum);
    }
    return counts;
  }

  /** What {@code a} counts more often than {@code b}. */
  private static Map<String, Integer> difference(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, Integer> more = new TreeMap<>();
    a.forEach(
        (k, n) -> {
          int extra = n - b.getOrDefault(k, 0);
          if (extra > 0) {
            more.put(k, extra);
          }
        });
    return more;
  }

  private static Map<Path, String> read(List<Path> files) throws IOException {
    Map<Path, String> texts = new TreeMap<>();
    for (Path f : files) {
      texts.put(f, Files.readString(f));
    }
    return texts;
  }
}
