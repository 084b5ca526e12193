package dev.leakproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.bugpatterns.BugChecker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How fixes become files and patches, on texts made to hit the edge cases. */
class FixesTest {
  @TempDir Path dir;

  private Source source(String name, String text) {
    return new Source(dir.resolve(name), name, text);
  }

  private static Finding finding(Source source, Finding.Edit... edits) {
    return new Finding(source, "ResourceLeak", Finding.Severity.WARNING, "m", 0, 0, List.of(edits));
  }

  @Test
  void overlappingFixIsLeftOutWholeAndIdenticalEditsAreShared() {
    Source s = source("A.java", "0123456789");
    Finding.Edit shared = new Finding.Edit(0, 2, "ab");
    Finding first = finding(s, shared, new Finding.Edit(4, 5, "X"));
    Finding same = finding(s, shared);
    Finding clash = finding(s, new Finding.Edit(3, 6, "Y"), new Finding.Edit(8, 9, "Z"));
    Fixes.Applied applied = Fixes.apply(List.of(first, same, clash));
    assertEquals(List.of(first, same), applied.applied());
    assertEquals(List.of(clash), applied.skipped());
    assertEquals("ab23X56789", applied.changed().get(s));
  }

  @Test
  void patchesApplyWhenTheFileHasNoFinalNewlineOrUsesCrlf() throws Exception {
    String noNewline = "class A {\n  void a() {\n    x();\n  }\n}";
    String crlf = "class B {\r\n  void b() {\r\n    y();\r\n  }\r\n}\r\n";
    Source a = source("A.java", noNewline);
    Source b = source("B.java", crlf);
    Files.writeString(a.path, noNewline);
    Files.writeString(b.path, crlf);
    int x = noNewline.indexOf("x();");
    int y = crlf.indexOf("y();");
    List<Finding> findings = new ArrayList<>();
    findings.add(finding(a, new Finding.Edit(x, x + 4, "z();")));
    findings.add(finding(b, new Finding.Edit(y, y + 4, "w();\r\n    v();")));
    Fixes.Applied applied = Fixes.apply(findings);
    Path patch = dir.resolve("p.diff");
    Files.writeString(patch, Fixes.unifiedDiff(applied));
    Process git =
        new ProcessBuilder("git", "apply", "--whitespace=nowarn", patch.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, git.waitFor(), output + "\n" + Files.readString(patch));
    assertEquals(applied.changed().get(a), Files.readString(a.path));
    assertEquals(applied.changed().get(b), Files.readString(b.path));
    assertTrue(Files.readString(patch).contains("\\ No newline at end of file"));
  }

  @Test
  void theCliKnowsEveryRegisteredCheck() {
    Set<String> registered = new TreeSet<>();
    for (BugChecker check : ServiceLoader.load(BugChecker.class)) {
      if (check.getClass().getName().startsWith("dev.leakproof.")) {
        registered.add(check.getClass().getName());
      }
    }
    Set<String> cli = new TreeSet<>();
    CheckSet.ALL.forEach(c -> cli.add(c.getName()));
    assertEquals(registered, cli);
  }
}
