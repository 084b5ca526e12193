package dev.leakproof.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leakproof.config.LeakproofConfig;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The usage pages and the flags reference say what the build and the code do: the Maven snippet is
 * the configuration the testdata module compiles with, every flag is documented with its default,
 * every page is in the index, and no link between pages is broken.
 */
class DocsTest {
  private static final Path DOCS =
      Path.of(System.getProperty("leakproof.docs", "../docs")).toAbsolutePath().normalize();
  private static final Path ROOT = DOCS.getParent();

  /** Arguments of {@code testdata/pom.xml} that only the corpus needs (maven.md names them). */
  private static final Set<String> CORPUS_ONLY_ARGS =
      Set.of("-Xmaxwarns", "100000", "-Xstdout", "${leakproof.findings}");

  /** The index of the docs; lower-case, because upper-case pages are check pages. */
  private static final String INDEX = "index.md";

  private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
  private static final Pattern FLAG_MENTION = Pattern.compile("Leakproof:([A-Z][A-Za-z]*)");

  @Test
  void mavenSnippetIsTheTestdataConfiguration() throws Exception {
    Element snippet = mavenSnippet();
    Element testdata =
        compilerConfiguration(parse(Files.readString(ROOT.resolve("testdata/pom.xml"))));
    List<String> corpusArgs = new ArrayList<>();
    for (String arg : texts(testdata, "arg")) {
      if (CORPUS_ONLY_ARGS.contains(arg)) {
        continue;
      }
      // The corpus runs only Leakproof's checks: -Xplugin:ErrorProne ${leakproof.checks}.
      corpusArgs.add(arg.startsWith("-Xplugin:ErrorProne") ? "-Xplugin:ErrorProne" : arg);
    }
    assertEquals(corpusArgs, texts(snippet, "arg"), "compilerArgs of maven.md vs testdata/pom.xml");
    assertEquals(texts(testdata, "release"), texts(snippet, "release"));
    assertEquals(texts(testdata, "fork"), texts(snippet, "fork"));
    assertEquals(processorPath(testdata), processorPath(snippet));
  }

  @Test
  void mavenSnippetIsTheDemoConfiguration() throws Exception {
    Element snippet = mavenSnippet();
    Element demo =
        compilerConfiguration(parse(Files.readString(ROOT.resolve("testdata/demo/pom.xml"))));
    assertEquals(texts(demo, "arg"), texts(snippet, "arg"), "compilerArgs of maven.md vs the demo");
    assertEquals(processorPath(demo), processorPath(snippet));
  }

  @Test
  void everyFlagHasASectionAndItsDefault() throws Exception {
    String flags = Files.readString(DOCS.resolve("flags.md"));
    LeakproofConfig defaults = LeakproofConfig.defaults();
    for (String name : flagNames()) {
      assertTrue(flags.contains("\n## " + name + "\n"), "flags.md has no section for " + name);
      String row = tableRow(flags, "[`" + name + "`]");
      Object value =
          LeakproofConfig.class
              .getMethod(Character.toLowerCase(name.charAt(0)) + name.substring(1))
              .invoke(defaults);
      if (value instanceof Boolean || value instanceof Integer) {
        assertTrue(row.contains("`" + value + "`"), name + ": default " + value + " not in " + row);
      } else if (value instanceof List<?> list) {
        assertTrue(list.isEmpty() && row.contains("none"), name + ": default " + value);
      } else {
        assertTrue(
            flags.contains(LeakproofConfig.PREFIX + name + "=" + value + "\n"),
            name + ": default " + value + " not shown");
      }
    }
  }

  @Test
  void docsNameOnlyFlagsThatExist() throws IOException {
    Set<String> known = new TreeSet<>(flagNames());
    for (Path page : pages()) {
      for (String line : Files.readAllLines(page)) {
        if (line.contains("is not a Leakproof flag")) {
          continue; // the error message for a misspelt flag quotes the misspelling
        }
        Matcher m = FLAG_MENTION.matcher(line);
        while (m.find()) {
          assertTrue(known.contains(m.group(1)), page + " names an unknown flag: " + m.group());
        }
      }
    }
  }

  @Test
  void indexLinksEveryPage() throws IOException {
    Set<String> linked = new TreeSet<>();
    for (String target : links(Files.readString(DOCS.resolve(INDEX)))) {
      linked.add(target.replaceFirst("#.*", ""));
    }
    for (Path page : pages()) {
      String relative = DOCS.relativize(page).toString().replace('\\', '/');
      if (!relative.equals(INDEX)) {
        assertTrue(linked.contains(relative), "docs/" + INDEX + " does not link " + relative);
      }
    }
  }

  /** Relative links resolve, and an anchor into a docs page names one of its headings. */
  @Test
  void linksBetweenPagesResolve() throws IOException {
    for (Path page : pages()) {
      for (String target : links(Files.readString(page))) {
        if (target.matches("[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        assertTrue(Files.exists(resolved), page + " links to missing " + target);
        boolean docsPage = resolved.startsWith(DOCS) && resolved.toString().endsWith(".md");
        if (hash >= 0 && docsPage) {
          String anchor = target.substring(hash + 1);
          assertTrue(
              anchors(Files.readString(resolved)).contains(anchor),
              page + " links to " + target + ", but " + resolved + " has no such heading");
        }
      }
    }
  }

  @Test
  void anchorsFollowGitHubsRules() {
    assertEquals(
        Set.of("patches-and---fix", "the-jdk-toolchains", "bad-values"),
        anchors("# Patches and `--fix`\n## The JDK (toolchains)\n### Bad values\n"));
    assertFalse(anchors("```\n# not a heading\n```\n").contains("not-a-heading"));
  }

  private static List<String> flagNames() {
    List<String> names = new ArrayList<>();
    for (Field f : LeakproofConfig.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
        continue;
      }
      try {
        String value = (String) f.get(null);
        if (value.startsWith(LeakproofConfig.PREFIX) && !value.equals(LeakproofConfig.PREFIX)) {
          names.add(value.substring(LeakproofConfig.PREFIX.length()));
        }
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    assertFalse(names.isEmpty());
    return names;
  }

  private static String tableRow(String page, String start) {
    for (String line : page.split("\n")) {
      if (line.startsWith("| " + start)) {
        return line;
      }
    }
    return fail("no table row starting with " + start);
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> walk = Files.walk(DOCS)) {
      return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static List<String> links(String markdown) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(FENCE.matcher(markdown).replaceAll(""));
    while (m.find()) {
      links.add(m.group(1));
    }
    return links;
  }

  /** GitHub's heading ids: lower case, punctuation other than - and _ dropped, spaces to -. */
  private static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
    while (m.find()) {
      anchors.add(
          m.group(1)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }

  /** The first XML block of maven.md: the properties and the build section. */
  private static Element mavenSnippet() throws Exception {
    String page = Files.readString(DOCS.resolve("usage/maven.md"));
    Matcher block = Pattern.compile("(?s)```xml\n(.*?)```").matcher(page);
    assertTrue(block.find(), "maven.md has no xml block");
    return compilerConfiguration(parse("<snippet>" + block.group(1) + "</snippet>"));
  }

  /**
   * The configuration that compiles main sources with Error Prone: the {@code default-compile}
   * execution's if there is one, else that of the first compiler plugin with compiler arguments.
   */
  private static Element compilerConfiguration(Element root) {
    NodeList plugins = root.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (!"maven-compiler-plugin".equals(childText(plugin, "artifactId"))) {
        continue;
      }
      NodeList executions = plugin.getElementsByTagName("execution");
      for (int j = 0; j < executions.getLength(); j++) {
        Element execution = (Element) executions.item(j);
        if ("default-compile".equals(childText(execution, "id"))) {
          return child(execution, "configuration");
        }
      }
      Element configuration = child(plugin, "configuration");
      // The demo compiles plainly by default; its errorprone profile holds the plugin's setup.
      if (configuration.getElementsByTagName("compilerArgs").getLength() > 0) {
        return configuration;
      }
    }
    return fail("no maven-compiler-plugin that runs Error Prone");
  }

  private static List<String> processorPath(Element configuration) {
    List<String> paths = new ArrayList<>();
    NodeList list = configuration.getElementsByTagName("path");
    for (int i = 0; i < list.getLength(); i++) {
      Element path = (Element) list.item(i);
      paths.add(childText(path, "groupId") + ":" + childText(path, "artifactId"));
    }
    return paths;
  }

  private static List<String> texts(Element element, String tag) {
    List<String> texts = new ArrayList<>();
    NodeList list = element.getElementsByTagName(tag);
    for (int i = 0; i < list.getLength(); i++) {
      texts.add(list.item(i).getTextContent().strip());
    }
    return texts;
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return fail("no <" + tag + "> in <" + parent.getTagName() + ">");
  }

  private static String childText(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }

  private static Element parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)))
        .getDocumentElement();
  }
}
