package dev.leakproof.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every check has its docs page (whose bold summary is the {@code @BugPattern} summary), a testdata
 * folder with positives and negatives, and a test class; no page or folder is an orphan.
 */
class CatalogueTest {
  private static final Path DOCS = Path.of(System.getProperty("leakproof.docs", "../docs"));
  private static final Path TESTDATA = TestdataTest.ROOT;

  static List<Class<? extends BugChecker>> checks() {
    List<Class<? extends BugChecker>> checks = new ArrayList<>();
    for (BugChecker c : ServiceLoader.load(BugChecker.class)) {
      if (c.getClass().getPackageName().equals("dev.leakproof.checks")) {
        checks.add(c.getClass());
      }
    }
    checks.sort((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
    return checks;
  }

  @Test
  void everyCheckIsRegistered() {
    assertEquals(
        List.of(
            "PreferTryWithResources",
            "ResourceLeak",
            "ResourceLeakOnException",
            "UnclosedResourceField",
            "UnreleasedLock",
            "UnrestoredState"),
        checks().stream().map(Class::getSimpleName).toList());
  }

  @Test
  void everyCheckHasItsDocsPageWithItsSummary() throws IOException {
    for (Class<? extends BugChecker> check : checks()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      String name = check.getSimpleName();
      Path page = DOCS.resolve(name + ".md");
      assertTrue(Files.exists(page), "missing " + page);
      String text = Files.readString(page);
      assertTrue(text.startsWith("# " + name + "\n"), page + " should start with its name");
      assertTrue(text.contains("\n**" + pattern.summary() + "**\n"), page + " lacks the summary");
      for (String section :
          List.of(
              "## The problem",
              "## How to fix",
              "## Options",
              "## Suppression",
              "## Limitations")) {
        assertTrue(text.contains("\n" + section + "\n"), page + " lacks " + section);
      }
      assertTrue(
          pattern.link().endsWith("/docs/" + name + ".md"), name + " links to " + pattern.link());
      assertFalse(pattern.summary().endsWith("."), name + ": summary ends with a period");
      assertEquals("", pattern.name(), name + ": the class name is the check name");
    }
  }

  @Test
  void everyCheckHasTestdataAndATestClass() throws IOException {
    for (Class<? extends BugChecker> check : checks()) {
      String name = check.getSimpleName();
      Path folder = TESTDATA.resolve(name);
      assertTrue(Files.isDirectory(folder), "missing " + folder);
      try (Stream<Path> files = Files.list(folder)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("Positive")), name + ": no Positive*");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("Negative")), name + ": no Negative*");
      }
      try {
        Class.forName("dev.leakproof.checks." + name + "Test");
      } catch (ClassNotFoundException e) {
        fail("missing test class " + name + "Test");
      }
    }
  }

  @Test
  void noOrphanDocsPagesOrTestdataFolders() throws IOException {
    Set<String> names = new TreeSet<>(checks().stream().map(Class::getSimpleName).toList());
    try (Stream<Path> pages = Files.list(DOCS)) {
      for (Path page : pages.toList()) {
        String file = page.getFileName().toString();
        if (file.endsWith(".md") && Character.isUpperCase(file.charAt(0))) {
          assertTrue(
              names.contains(file.substring(0, file.length() - 3)),
              "docs page for no check: " + page + " (usage pages are lower-case)");
        }
      }
    }
    for (Path folder : TestdataTest.checkFolders()) {
      assertTrue(
          names.contains(folder.getFileName().toString()),
          "testdata folder for no check: " + folder);
    }
  }
}
