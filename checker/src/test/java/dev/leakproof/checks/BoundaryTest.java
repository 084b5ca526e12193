package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakproof.analysis.Faults;
import dev.leakproof.analysis.LeakAnalysis;
import dev.leakproof.testing.Generated;
import dev.leakproof.testing.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check boundary: a method over the budget, or a failure anywhere behind a check, costs that
 * method one note naming the check and the method; the build goes on and the rest of the file is
 * checked.
 */
class BoundaryTest {
  @TempDir Path dir;

  /** A leak, a lock left held, and a field never closed: one finding of each kind. */
  private static final String SERVICE =
      """
      import java.io.*;
      import java.util.concurrent.locks.*;
      class Service {
        private final Lock lock = new ReentrantLock();
        private final InputStream log;
        Service(File f) throws IOException {
          log = new FileInputStream(f);
        }
        int read(File f) throws IOException {
          InputStream in = new FileInputStream(f);
          return in.read();
        }
        void count() {
          lock.lock();
          work();
        }
        void work() {}
      }
      """;

  /** Generated methods over the class file's limits: stop after flow analysis (and Error Prone). */
  private static final List<String> LARGE = List.of("-XDshould-stop.ifNoError=FLOW");

  @AfterEach
  void disarm() {
    Faults.arm(null);
    System.setProperty(LeakAnalysis.STRICT_PROPERTY, "true");
  }

  private Path source(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<String> checks(Scanner.Result r) {
    return r.findings().stream().map(f -> f.check() + ":" + f.line()).sorted().toList();
  }

  private static void assertNoCrash(Scanner.Result r) {
    assertEquals(List.of(), r.errors());
    assertTrue(!r.output().contains("An exception has occurred"), r.output());
  }

  private Scanner.Result scanWithFault(Faults.Point point) throws IOException {
    Path file = source("Service.java", SERVICE);
    System.setProperty(LeakAnalysis.STRICT_PROPERTY, "false");
    Faults.arm(point);
    Scanner.Result r = Scanner.scan(List.of(file), List.of());
    assertNoCrash(r);
    for (String note : r.notes()) {
      assertTrue(
          note.matches(
              "Service\\.java:\\d+: \\[\\w+\\] Leakproof did not check"
                  + " (method \\w+\\(\\)|constructor Service\\(\\)|class Service)"
                  + "( for resource leaks| for locks and temporary state)? because of an internal"
                  + " error: java.lang.IllegalStateException: failure injected at "
                  + point
                  + " at dev\\.leakproof\\..*"),
          note);
    }
    return r;
  }

  @Test
  void withoutFaultsEveryKindIsFound() throws IOException {
    Scanner.Result r = Scanner.scan(List.of(source("Service.java", SERVICE)), List.of());
    assertNoCrash(r);
    assertEquals(
        List.of("ResourceLeak:10", "UnclosedResourceField:5", "UnreleasedLock:14"), checks(r));
    assertEquals(List.of(), r.notes());
  }

  @Test
  void failureInLeakAnalysisIsOneNotePerMethodAndLocksAreStillFound() throws IOException {
    Scanner.Result r = scanWithFault(Faults.Point.ANALYSIS);
    // The constructor and read() acquire. Service has no close() at all: that needs no analysis.
    assertEquals(List.of("UnclosedResourceField:5", "UnreleasedLock:14"), checks(r));
    assertEquals(2, r.notes().size(), r.notes().toString());
    assertTrue(r.notes().get(0).contains("constructor Service()"), r.notes().toString());
    assertTrue(r.notes().get(1).contains("method read()"), r.notes().toString());
  }

  @Test
  void failureInLockAnalysisIsOneNoteAndLeaksAreStillFound() throws IOException {
    Scanner.Result r = scanWithFault(Faults.Point.HOLDS);
    assertEquals(List.of("ResourceLeak:10", "UnclosedResourceField:5"), checks(r));
    assertEquals(1, r.notes().size(), r.notes().toString());
    assertTrue(r.notes().get(0).startsWith("Service.java:13: [UnreleasedLock]"), r.notes().get(0));
  }

  @Test
  void failureWhileReportingIsOneNotePerCheckAndMethod() throws IOException {
    Scanner.Result r = scanWithFault(Faults.Point.REPORT);
    assertEquals(List.of("UnclosedResourceField:5"), checks(r));
    assertEquals(
        List.of("Service.java:13: [UnreleasedLock]", "Service.java:9: [ResourceLeak]"),
        r.notes().stream().map(n -> n.substring(0, n.indexOf(']') + 1)).sorted().toList());
  }

  @Test
  void failureInFieldFindingsIsOneNoteOnTheClass() throws IOException {
    Scanner.Result r = scanWithFault(Faults.Point.FIELDS);
    assertEquals(List.of("ResourceLeak:10", "UnreleasedLock:14"), checks(r));
    assertEquals(1, r.notes().size(), r.notes().toString());
    assertTrue(
        r.notes().get(0).startsWith("Service.java:3: [UnclosedResourceField]"), r.notes().get(0));
  }

  @Test
  void failureBindingTheModelNeverBreaksTheBuild() throws IOException {
    Scanner.Result r = scanWithFault(Faults.Point.MODEL);
    assertEquals(List.of(), r.findings());
    assertTrue(!r.notes().isEmpty());
  }

  @Test
  void strictModeRethrowsSoTestsSeeTheFailure() throws IOException {
    Path file = source("Service.java", SERVICE);
    Faults.arm(Faults.Point.REPORT);
    Scanner.Result r = Scanner.scan(List.of(file), List.of());
    String errors = r.errors().toString();
    assertTrue(errors.contains("An unhandled exception was thrown by the Error Prone"), errors);
    assertTrue(errors.contains("failure injected at REPORT"), errors);
  }

  @Test
  void thousandNestedResourcesAreSkippedWithANoteAndTheRestIsChecked() throws IOException {
    String deep = Generated.deeplyNested("gen", "Deep", 1000, 200);
    Path file =
        source(
            "Deep.java",
            deep.substring(0, deep.lastIndexOf('}'))
                + """
                  int leak(File f) throws IOException {
                    InputStream in = new FileInputStream(f);
                    return in.read();
                  }
                }
                """);
    Scanner.Result r = Scanner.scan(List.of(file), LARGE);
    assertNoCrash(r);
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertTrue(r.findings().get(0).message().startsWith("`in` (FileInputStream)"));
    assertEquals(1, r.notes().size(), r.notes().toString());
    assertTrue(
        r.notes()
            .get(0)
            .matches(
                "Deep\\.java:\\d+: \\[\\w+\\] Leakproof did not check method deep\\(\\) for resource"
                    + " leaks because it is too large to analyse \\(more than 200000 analysis steps\\);.*"),
        r.notes().get(0));
  }

  @Test
  void thousandNestedLocksAreSkippedWithANoteAndTheRestIsChecked() throws IOException {
    String locks = Generated.deeplyNestedLocks("gen", "Locks", 1000, 20);
    Path file =
        source(
            "Locks.java",
            locks.substring(0, locks.lastIndexOf('}'))
                + """
                  void held() {
                    lock1.lock();
                  }
                }
                """);
    Scanner.Result r = Scanner.scan(List.of(file), LARGE);
    assertNoCrash(r);
    assertEquals(List.of("UnreleasedLock"), r.findings().stream().map(f -> f.check()).toList());
    assertEquals(1, r.notes().size(), r.notes().toString());
    assertTrue(
        r.notes()
            .get(0)
            .contains(
                "[UnreleasedLock] Leakproof did not check method locks() for locks and temporary"
                    + " state because it is too large"),
        r.notes().get(0));
  }

  @Test
  void oneMethodOfTwentyFiveThousandLinesIsSkippedWithANote() throws IOException {
    // 1,000 blocks of three resources each, one after the other: 25,000 lines in one method.
    Path file = source("Large.java", Generated.oneLargeMethod("gen", "Large", 1000));
    Scanner.Result r = Scanner.scan(List.of(file), LARGE);
    assertNoCrash(r);
    assertEquals(List.of(), r.findings());
    assertEquals(1, r.notes().size(), r.notes().toString());
    assertTrue(r.notes().get(0).contains("method large()"), r.notes().get(0));
  }
}
