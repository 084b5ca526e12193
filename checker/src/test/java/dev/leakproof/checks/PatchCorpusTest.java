package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refactoring workflow end to end, on a copy of the whole testdata corpus: apply every fix with
 * Error Prone's patch mode, compile the result, check again. The patched code must compile, no
 * finding that carried a fix may remain, and a second patch pass must change nothing.
 */
class PatchCorpusTest {
  private static final String FIXING_CHECKS =
      "-XepPatchChecks:ResourceLeak,ResourceLeakOnException";

  @TempDir Path dir;

  @Test
  void everyFixCompilesRemovesItsFindingAndIsStable() throws IOException {
    List<Path> files = copyCorpus();
    Scanner.Result before = Scanner.scan(files, List.of());
    assertTrue(before.errors().isEmpty(), "the corpus compiles: " + before.errors());
    Map<String, Integer> unfixable = count(before, false);
    int withFix = count(before, true).values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(withFix > 0, "the corpus has findings with fixes");

    Scanner.Result patch =
        Scanner.scan(files, List.of(FIXING_CHECKS, "-XepPatchLocation:IN_PLACE"));
    assertTrue(patch.errors().isEmpty(), "patching failed: " + patch.errors());
    Map<Path, String> patched = read(files);

    Scanner.Result after = Scanner.scan(files, List.of());
    assertEquals(List.of(), after.errors(), "the patched corpus must compile");
    // No finding may appear, and none that had a fix may stay. Findings without a fix may go too:
    // fixing a ZipFile or a connection releases the streams and statements that went with it.
    assertEquals(
        Map.of(), difference(count(after, false), unfixable), "new findings after patching");
    assertEquals(Map.of(), count(after, true), "findings with a fix after patching");

    Scanner.Result again =
        Scanner.scan(files, List.of(FIXING_CHECKS, "-XepPatchLocation:IN_PLACE"));
    assertTrue(again.errors().isEmpty(), "second patch pass failed: " + again.errors());
    assertEquals(patched, read(files), "a second patch pass must change nothing");
  }

  private List<Path> copyCorpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder : TestdataTest.checkFolders()) {
      Path target = Files.createDirectories(dir.resolve(folder.getFileName()));
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
   * Findings of the checks that fix, with or without a fix, counted by file, check and subject (the
   * part of the message before any line number, which patching shifts).
   */
  private static Map<String, Integer> count(Scanner.Result result, boolean withFix) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Scanner.Finding f : result.findings()) {
      if (f.check().equals("UnclosedResourceField")) {
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
