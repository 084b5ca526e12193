package dev.leakproof.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leakproof.testdata.Labels.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The corpus was compiled by this module's Maven build with the Leakproof plugin on the annotation
 * processor path, as a user's build would do it; javac wrote its diagnostics to a file. Every
 * labelled leak must be reported, by the labelled check and on the labelled line, and nothing
 * else may be.
 */
class LabelsTest {
  private static final Pattern WARNING =
      Pattern.compile(
          "^(.*\\.java):(\\d+): warning: \\[(ResourceLeak\\w*|UnclosedResourceField)\\] .*");

  @Test
  void findingsOfTheMavenBuildMatchTheLabels() throws Exception {
    Path log = Path.of(System.getProperty("leakproof.findings"));
    assertTrue(Files.exists(log), "the compile step should have written " + log);
    List<Path> sources = Labels.sources();
    Set<Finding> expected = new TreeSet<>(Labels.expected(sources));
    Set<Finding> reported = new TreeSet<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = WARNING.matcher(line);
      if (m.matches()) {
        reported.add(
            new Finding(Labels.relative(Path.of(m.group(1))), Long.parseLong(m.group(2)), m.group(3)));
      }
      assertTrue(
          !line.contains("An exception has occurred") && !line.contains("error: An unhandled"),
          "the plugin crashed: " + line);
    }
    List<Finding> missed = new ArrayList<>(expected);
    missed.removeAll(reported);
    List<Finding> unexpected = new ArrayList<>(reported);
    unexpected.removeAll(expected);
    int truePositives = expected.size() - missed.size();
    System.out.printf(
        "testdata: %d labelled findings, %d reported, %d true positives, %d missed, %d"
            + " unexpected; precision %.3f, recall %.3f%n",
        expected.size(),
        reported.size(),
        truePositives,
        missed.size(),
        unexpected.size(),
        reported.isEmpty() ? 1.0 : (double) truePositives / reported.size(),
        expected.isEmpty() ? 1.0 : (double) truePositives / expected.size());
    if (!missed.isEmpty() || !unexpected.isEmpty()) {
      fail("missed (labelled but not reported):\n  " + String.join("\n  ", missed.stream().map(Finding::toString).toList())
          + "\nunexpected (reported but not labelled):\n  " + String.join("\n  ", unexpected.stream().map(Finding::toString).toList()));
    }
    assertEquals(expected, reported);
  }

  @Test
  void corpusHasAtLeast150LabelledAcquisitions() {
    long labelled = Labels.labelledAcquisitions(Labels.sources());
    System.out.println("testdata: " + labelled + " labelled acquisitions");
    assertTrue(labelled >= 150, "only " + labelled + " labelled acquisitions");
  }
}
