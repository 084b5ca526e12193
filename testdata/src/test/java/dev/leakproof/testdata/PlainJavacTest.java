package dev.leakproof.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup the README gives for builds without Maven or Gradle (Bazel, Ant, scripts): the
 * checker's jar on javac's {@code -processorpath} with error_prone_core's classpath, nothing else.
 */
class PlainJavacTest {
  @TempDir Path dir;

  @Test
  void pluginJarWorksOnAPlainJavacProcessorPath() throws Exception {
    Path source = dir.resolve("Leaky.java");
    Files.writeString(
        source,
        """
        import java.io.*;
        class Leaky {
          int first(File f) throws IOException {
            InputStream in = new FileInputStream(f);
            return in.read();
          }
        }
        """);
    List<String> processorPath = new ArrayList<>();
    processorPath.add(System.getProperty("leakproof.jar"));
    String cp = Files.readString(Path.of(System.getProperty("leakproof.errorproneClasspath"))).strip();
    if (!cp.isEmpty()) {
      processorPath.add(cp);
    }
    assertTrue(Files.exists(Path.of(processorPath.get(0))), "no jar at " + processorPath.get(0));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    for (String pkg : List.of("api", "code", "comp", "main", "model", "parser", "processing", "tree", "util")) {
      command.add("-J--add-exports=jdk.compiler/com.sun.tools.javac." + pkg + "=ALL-UNNAMED");
    }
    command.addAll(
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-processorpath",
            String.join(File.pathSeparator, processorPath),
            "-Xplugin:ErrorProne",
            "-d",
            dir.resolve("classes").toString(),
            source.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, javac.waitFor(), output);
    assertTrue(
        output.contains(
            "Leaky.java:4: warning: [ResourceLeak] `in` (FileInputStream) is not closed when the"
                + " method returns at line 5"),
        output);
  }
}
