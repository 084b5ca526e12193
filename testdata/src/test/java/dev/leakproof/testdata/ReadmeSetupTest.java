package dev.leakproof.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven setup is the one this module builds its corpus with, so it is proven on every
 * build: every compiler argument of the README's snippet is one of this module's (this module
 * adds options after {@code -Xplugin:ErrorProne} to pick the checks and keep the output), and the
 * annotation processor path names the same artifacts.
 */
class ReadmeSetupTest {
  private static final Path TESTDATA = Path.of(System.getProperty("leakproof.testdata"));
  private static final Pattern ARG = Pattern.compile("<arg>([^<]*)</arg>");
  private static final Pattern ARTIFACT =
      Pattern.compile("<groupId>([^<]*)</groupId>\\s*<artifactId>([^<]*)</artifactId>");

  @Test
  void readmeMavenSnippetIsTheTestdataModulesConfiguration() throws IOException {
    String readme = Files.readString(TESTDATA.resolve("../README.md"));
    int maven = readme.indexOf("### Maven");
    assertTrue(maven >= 0, "the README has no Maven section");
    int start = readme.indexOf("```xml", maven);
    int end = readme.indexOf("```", start + 6);
    String snippet = readme.substring(start, end);
    String pom = Files.readString(TESTDATA.resolve("pom.xml"));
    String compile = pom.substring(pom.indexOf("<id>default-compile</id>"));
    compile = compile.substring(0, compile.indexOf("</execution>"));

    List<String> readmeArgs = all(ARG, snippet, 1);
    List<String> moduleArgs = all(ARG, compile, 1);
    assertFalse(readmeArgs.isEmpty());
    for (String arg : readmeArgs) {
      assertTrue(
          moduleArgs.stream().anyMatch(a -> a.equals(arg) || a.startsWith(arg + " ")),
          arg + " is in the README but not in testdata/pom.xml");
    }
    for (String arg : moduleArgs) {
      if (arg.startsWith("-J--add-exports") || arg.startsWith("-XD") || arg.startsWith("--should")) {
        assertTrue(readmeArgs.contains(arg), arg + " is in testdata/pom.xml but not in the README");
      }
    }
    String readmePaths = snippet.substring(snippet.indexOf("<annotationProcessorPaths>"));
    String modulePaths = compile.substring(compile.indexOf("<annotationProcessorPaths>"));
    assertEquals(all(ARTIFACT, modulePaths, 0).stream().map(ReadmeSetupTest::coordinates).toList(),
        all(ARTIFACT, readmePaths, 0).stream().map(ReadmeSetupTest::coordinates).toList());
    assertTrue(snippet.contains("<fork>true</fork>") && compile.contains("<fork>true</fork>"));
  }

  private static String coordinates(String match) {
    Matcher m = ARTIFACT.matcher(match);
    assertTrue(m.find());
    return m.group(1) + ":" + m.group(2);
  }

  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }
}
