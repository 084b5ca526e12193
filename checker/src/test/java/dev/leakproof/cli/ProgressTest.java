package dev.leakproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress shows on a terminal for large trees only, and clears its line when done. */
class ProgressTest {
  private static String shown(int files, boolean terminal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress progress = Progress.forScan(files, err, terminal);
    progress.phase("parsing " + files + " files");
    for (int i = 1; i <= files; i++) {
      progress.step(i, files);
    }
    progress.done();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void largeTreeOnATerminalShowsProgress() {
    String out = shown(Progress.THRESHOLD + 100, true);
    assertTrue(out.contains("parsing 400 files"), out);
    assertTrue(out.contains("checking 200/400 files (50%)"), out);
    assertTrue(out.endsWith("\r\033[K"), "the line is cleared at the end");
    // One update per percent from 0 to 100, not one per file.
    assertEquals(101, out.split("checking ", -1).length - 1);
  }

  @Test
  void smallTreeOrNoTerminalShowsNothing() {
    assertEquals("", shown(10, true));
    assertEquals("", shown(Progress.THRESHOLD + 100, false));
  }
}
