package dev.leakproof.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakproof.model.ModelEntry.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelParserTest {
  @Test
  void readsEveryKindOfTarget() {
    List<ModelEntry> entries =
        ModelParser.parse(
            "my.model",
            """
            # a comment
            not-resource java.io.StringReader   # trailing comment
            not-resource java.util.Scanner(java.lang.String)
            acquire java.nio.file.Files#newInputStream
            closer com.example.Io#close*
            throws java.lang.Integer#valueOf( java.lang.String, int ) java.lang.NumberFormatException
            closer-name closeQuietly
            standard-charset UTF-8
            """);
    assertEquals(7, entries.size());
    ModelEntry type = entries.get(0);
    assertTrue(type.isType());
    assertEquals("java.io.StringReader", type.owner());
    ModelEntry ctor = entries.get(1);
    assertTrue(ctor.isConstructor());
    assertEquals(List.of("java.lang.String"), ctor.params());
    ModelEntry method = entries.get(2);
    assertEquals(Kind.ACQUIRE, method.kind());
    assertEquals("newInputStream", method.method());
    assertNull(method.params());
    assertTrue(entries.get(3).matchesName("closeQuietly"));
    assertFalse(entries.get(3).matchesName("open"));
    ModelEntry parse = entries.get(4);
    assertEquals(List.of("java.lang.String", "int"), parse.params());
    assertEquals("java.lang.NumberFormatException", parse.argument());
    assertEquals("my.model:6", parse.origin());
    assertEquals("closeQuietly", entries.get(5).owner());
    assertEquals("UTF-8", entries.get(6).owner());
  }

  @Test
  void notResourceTakesTypesConstructorsAndMethods() {
    List<ModelEntry> entries =
        ModelParser.parse(
            "my.model",
            """
            not-resource com.example.Source
            not-resource com.example.View(com.example.Source, long)
            not-resource com.example.Source#createView(long, long)
            """);
    assertTrue(entries.get(0).isType());
    assertTrue(entries.get(1).isConstructor());
    ModelEntry method = entries.get(2);
    assertFalse(method.isType() || method.isConstructor());
    assertEquals("createView", method.method());
    assertEquals(List.of("long", "long"), method.params());
  }

  @Test
  void closerNamesMayBeEndings() {
    List<ModelEntry> entries = ModelParser.parse("my.model", "closer-name *AndClose");
    assertEquals("*AndClose", entries.get(0).owner());
    assertError("factory-prefix *open", "m.model:1: '*open' is not a name");
    assertError("closer-name *And.Close", "m.model:1: '*And.Close' is not a name");
  }

  @Test
  void badEntriesNameFileLineAndFix() {
    assertError(
        "acquire java.io.File",
        "m.model:1: 'acquire' needs a method: Type#method. Write it like: acquire java.nio.file.Files#newInputStream");
    assertError(
        "aquire java.io.File#open",
        "m.model:1: unknown entry kind 'aquire'. Use one of: resource, not-resource, acquire");
    assertError("acquire Files#lines", "m.model:1: 'Files' is not a fully qualified type name");
    assertError("throws java.lang.Integer#parseInt", "'throws' takes 2 word(s), found 1");
    assertError("trivial-close java.io.InputStream#close", "'java.io.InputStream#close' is not a");
    assertError(
        "acquire java.nio.file.Files#new(java.nio.file.Path", "has an unclosed parameter list");
    assertError(
        "acquire java.nio.file.Files#new(Path x)",
        "'Path x' is not a fully qualified parameter type");
  }

  private static void assertError(String line, String expected) {
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelParser.parse("m.model", line));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("m.model:1: "), e.getMessage());
  }

  @Test
  void throwsEntriesTakeOptionalGuards() {
    List<ModelEntry> entries =
        ModelParser.parse(
            "g.model",
            """
            throws java.util.Iterator#next java.util.NoSuchElementException hasNext
            throws java.util.Optional#get java.util.NoSuchElementException isPresent|isEmpty
            throws java.lang.Integer#parseInt java.lang.NumberFormatException
            """);
    assertEquals(List.of("hasNext"), entries.get(0).guards());
    assertEquals(List.of("isPresent", "isEmpty"), entries.get(1).guards());
    assertEquals(List.of(), entries.get(2).guards());
    ModelFormatException e =
        assertThrows(
            ModelFormatException.class,
            () ->
                ModelParser.parse(
                    "g.model", "throws java.util.Iterator#next java.util.X has-Next"));
    assertTrue(
        e.getMessage().startsWith("g.model:1: 'has-Next' is not a method name"), e.getMessage());
  }

  @Test
  void releaseOnThrowEntriesTakeAnOptionalRelease() {
    List<ModelEntry> entries =
        ModelParser.parse(
            "r.model",
            """
            release-on-throw java.nio.channels.SocketChannel#connect
            release-on-throw java.net.Socket#connect 24
            """);
    assertEquals(Kind.RELEASE_ON_THROW, entries.get(0).kind());
    assertEquals(null, entries.get(0).argument());
    assertEquals("24", entries.get(1).argument());
    ModelFormatException e =
        assertThrows(
            ModelFormatException.class,
            () -> ModelParser.parse("r.model", "release-on-throw java.net.Socket#connect jdk24"));
    assertTrue(
        e.getMessage().startsWith("r.model:1: 'jdk24' is not a Java release number"),
        e.getMessage());
  }

  @Test
  void noThrowEntriesTakeAMethodOrAConstructor() {
    List<ModelEntry> entries =
        ModelParser.parse(
            "n.model",
            """
            no-throw java.util.jar.JarOutputStream(java.io.OutputStream)
            no-throw java.util.Arrays#fill(char[], char)
            no-throw java.io.ByteArrayOutputStream#close
            """);
    assertEquals(Kind.NO_THROW, entries.get(0).kind());
    assertTrue(entries.get(0).isConstructor());
    assertEquals(List.of("java.io.OutputStream"), entries.get(0).params());
    assertEquals("fill", entries.get(1).method());
    assertEquals(List.of("char[]", "char"), entries.get(1).params());
    assertNull(entries.get(2).params());
    assertNull(entries.get(2).argument());
    assertError(
        "no-throw java.util.Arrays",
        "m.model:1: 'no-throw' needs a method, Type#method, or a constructor, Type(parameter"
            + " types). Write it like: no-throw java.util.jar.JarOutputStream(java.io.OutputStream)");
    assertError(
        "no-throw java.util.Arrays#fill java.lang.ArrayStoreException",
        "m.model:1: 'no-throw' takes 1 word(s), found 2");
    assertError("no-throw Arrays#fill", "m.model:1: 'Arrays' is not a fully qualified type name");
  }

  @Test
  void resourceAfterEntriesTakeAMethod() {
    List<ModelEntry> entries =
        ModelParser.parse(
            "r.model",
            """
            resource-after com.example.sign.Options#setImage
            resource-after com.example.sign.Options#load(java.io.File)
            """);
    assertEquals(Kind.RESOURCE_AFTER, entries.get(0).kind());
    assertEquals("com.example.sign.Options", entries.get(0).owner());
    assertEquals("setImage", entries.get(0).method());
    assertNull(entries.get(0).params());
    assertEquals(List.of("java.io.File"), entries.get(1).params());
    String example =
        "Write it like: resource-after"
            + " org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions"
            + "#setVisualSignature";
    assertError(
        "resource-after com.example.sign.Options",
        "m.model:1: 'resource-after' needs a method: Type#method. " + example);
    assertError(
        "resource-after com.example.sign.Options()",
        "m.model:1: 'resource-after' needs a method: Type#method. " + example);
    assertError(
        "resource-after com.example.sign.Options#setImage close",
        "m.model:1: 'resource-after' takes 1 word(s), found 2. " + example);
  }

  @Test
  void builtInModelParsesWithoutDuplicates() {
    List<ModelEntry> entries = LibraryModel.builtIn().entries();
    assertTrue(entries.size() > 100, "entries: " + entries.size());
    Set<String> seen = new HashSet<>();
    for (ModelEntry e : entries) {
      String key = e.kind() + " " + e.owner() + "#" + e.method() + e.params();
      assertTrue(seen.add(key), "duplicate entry " + key + " at " + e.origin());
    }
  }
}
