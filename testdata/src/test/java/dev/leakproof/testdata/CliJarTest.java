package dev.leakproof.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged CLI as users run it, {@code java -jar leakproof-cli.jar}: self-contained (nothing
 * but the jar on the classpath), exports from its manifest, and a plain message on a JDK that is
 * too old.
 */
class CliJarTest {
  private static final Path JAR = Path.of(System.getProperty("leakproof.cliJar"));
  private static final Path DEMO = Path.of(System.getProperty("leakproof.testdata"), "demo");

  private record Output(int exit, String text) {}

  private static Output run(Path java, Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Output(p.waitFor(), text);
  }

  @Test
  void scansTheDemoWithNothingButTheJar() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "no CLI jar at " + JAR);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Output out = run(java, DEMO, "scan", "src/main/java");
    assertEquals(1, out.exit(), out.text());
    assertTrue(out.text().contains("src/main/java/com/example/inventory/"), out.text());
    assertTrue(out.text().contains("warning: [UnreleasedLock]"), out.text());
    assertTrue(out.text().contains("warning: [ResourceLeak]"), out.text());
    assertTrue(out.text().matches("(?s).*leakproof: \\d+ findings \\(\\d+ with a fix\\).*"), out.text());
  }

  @Test
  void saysPlainlyThatAnOldJdkIsTooOld() throws Exception {
    Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    assumeTrue(Files.isExecutable(java17), "no JDK 17 on this machine");
    Output out = run(java17, DEMO, "scan", "src/main/java");
    assertEquals(2, out.exit(), out.text());
    assertTrue(out.text().contains("needs a JDK 21 or newer"), out.text());
    assertTrue(!out.text().contains("UnsupportedClassVersionError"), out.text());
  }
}
