package dev.leakproof.model;

import dev.leakproof.model.ModelEntry.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the model file format: one entry a line, {@code <kind> <target> [<argument>]}, with {@code
 * #} starting a comment. See {@code docs/model.md}.
 */
public final class ModelParser {
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
  private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_$][\\w$]*\\*?|\\*");
  private static final Pattern PARAM_TYPE =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(\\[\\])*");

  private ModelParser() {}

  /** Parses {@code text}, read from {@code fileName}; throws on the first bad line. */
  public static List<ModelEntry> parse(String fileName, String text) {
    List<ModelEntry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      // '#' also separates type and method; a comment starts at a '#' preceded by whitespace
      // or at the start of the line.
      int comment = -1;
      for (int j = 0; j < line.length(); j++) {
        if (line.charAt(j) == '#' && (j == 0 || Character.isWhitespace(line.charAt(j - 1)))) {
          comment = j;
          break;
        }
      }
      if (comment >= 0) {
        line = line.substring(0, comment);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      entries.add(parseLine(line, fileName + ":" + (i + 1)));
    }
    return entries;
  }

  private static final Pattern PARAM_LIST = Pattern.compile("\\(([^)]*)\\)");

  private static ModelEntry parseLine(String line, String origin) {
    // Spaces are allowed around the commas and parentheses of a parameter list.
    line = line.replaceAll("\\s*([,()])\\s*", "$1").replaceAll("\\)(?=\\S)", ") ");
    java.util.regex.Matcher params = PARAM_LIST.matcher(line);
    while (params.find()) {
      for (String p : params.group(1).split(",")) {
        if (p.strip().contains(" ")) {
          throw new ModelFormatException(
              origin,
              "'" + p.strip() + "' is not a fully qualified parameter type",
              "Write erased types without parameter names, such as java.io.InputStream or byte[]");
        }
      }
    }
    String[] words = line.split("\\s+");
    Kind kind =
        Arrays.stream(Kind.values())
            .filter(k -> k.keyword().equals(words[0]))
            .findFirst()
            .orElseThrow(
                () ->
                    new ModelFormatException(
                        origin,
                        "unknown entry kind '" + words[0] + "'",
                        "Use one of: " + keywords()));
    if (words.length < 2) {
      throw new ModelFormatException(
          origin, "'" + kind.keyword() + "' needs a target", example(kind));
    }
    int expectedWords = kind.needsArgument() ? 3 : 2;
    List<String> guards = List.of();
    if (kind == Kind.THROWS && words.length == 4) {
      guards = List.of(words[3].split("\\|"));
      for (String g : guards) {
        if (!g.matches("[A-Za-z_$][\\w$]*")) {
          throw new ModelFormatException(
              origin, "'" + g + "' is not a method name", "Write guards like hasNext|isPresent");
        }
      }
      expectedWords = 4;
    }
    String since = null;
    if (kind == Kind.RELEASE_ON_THROW && words.length == 3) {
      // release-on-throw java.net.Socket#connect 24: from this Java release on
      since = words[2];
      if (!since.matches("[1-9][0-9]?")) {
        throw new ModelFormatException(
            origin, "'" + since + "' is not a Java release number", example(kind));
      }
      expectedWords = 3;
    }
    if (words.length != expectedWords) {
      throw new ModelFormatException(
          origin,
          "'"
              + kind.keyword()
              + "' takes "
              + (expectedWords - 1)
              + " word(s), found "
              + (words.length - 1),
          example(kind));
    }
    String argument = kind.needsArgument() ? words[2] : since;
    if (argument != null && kind.takesMethodNames()) {
      if (!argument.matches("[A-Za-z_$][\\w$]*(\\|[A-Za-z_$][\\w$]*)*")) {
        throw new ModelFormatException(
            origin, "'" + argument + "' is not a list of release method names", example(kind));
      }
    } else if (argument != null && since == null && !QUALIFIED_NAME.matcher(argument).matches()) {
      throw new ModelFormatException(
          origin, "'" + argument + "' is not a fully qualified type name", example(kind));
    }
    String target = words[1];
    return switch (kind.target()) {
      case NAME -> {
        if (kind == Kind.CLOSER_NAME && target.matches("\\*[\\w$]+")) {
          yield new ModelEntry(kind, target, null, null, argument, List.of(), origin); // *AndClose
        }
        if (!METHOD_NAME.matcher(target).matches() && !target.matches("[\\w.-]+")) {
          throw new ModelFormatException(origin, "'" + target + "' is not a name", example(kind));
        }
        yield new ModelEntry(kind, target, null, null, argument, List.of(), origin);
      }
      case TYPE ->
          new ModelEntry(
              kind, typeName(target, origin, kind), null, null, argument, List.of(), origin);
      case ANY, METHOD, METHOD_OR_CONSTRUCTOR -> member(kind, target, argument, guards, origin);
    };
  }

  private static ModelEntry member(
      Kind kind, String target, String argument, List<String> guards, String origin) {
    String head = target;
    List<String> params = null;
    int paren = target.indexOf('(');
    if (paren >= 0) {
      if (!target.endsWith(")")) {
        throw new ModelFormatException(
            origin, "'" + target + "' has an unclosed parameter list", example(kind));
      }
      head = target.substring(0, paren);
      String inside = target.substring(paren + 1, target.length() - 1).strip();
      params = new ArrayList<>();
      if (!inside.isEmpty()) {
        for (String p : inside.split(",")) {
          String type = p.strip();
          if (!PARAM_TYPE.matcher(type).matches()) {
            throw new ModelFormatException(
                origin,
                "'" + type + "' is not a fully qualified parameter type",
                "Write erased types such as java.io.InputStream or byte[]");
          }
          params.add(type);
        }
      }
    }
    int sharp = head.indexOf('#');
    if (sharp < 0) {
      boolean constructorAllowed =
          kind.target() == ModelEntry.Target.ANY
              || kind.target() == ModelEntry.Target.METHOD_OR_CONSTRUCTOR;
      boolean typeAllowed = kind.target() == ModelEntry.Target.ANY;
      if (params != null && !constructorAllowed || params == null && !typeAllowed) {
        String needs =
            constructorAllowed
                ? "a method, Type#method, or a constructor, Type(parameter types)"
                : "a method: Type#method";
        throw new ModelFormatException(
            origin, "'" + kind.keyword() + "' needs " + needs, example(kind));
      }
      return new ModelEntry(
          kind, typeName(head, origin, kind), null, params, argument, guards, origin);
    }
    String owner = typeName(head.substring(0, sharp), origin, kind);
    String method = head.substring(sharp + 1);
    if (!METHOD_NAME.matcher(method).matches()) {
      throw new ModelFormatException(
          origin,
          "'" + method + "' is not a method name",
          "Write a Java method name, optionally ending in * to match a prefix");
    }
    return new ModelEntry(kind, owner, method, params, argument, guards, origin);
  }

  private static String typeName(String name, String origin, Kind kind) {
    if (!QUALIFIED_NAME.matcher(name).matches() || !name.contains(".")) {
      throw new ModelFormatException(
          origin, "'" + name + "' is not a fully qualified type name", example(kind));
    }
    return name;
  }

  private static String keywords() {
    return String.join(", ", Arrays.stream(Kind.values()).map(Kind::keyword).toList());
  }

  private static String example(Kind kind) {
    String example =
        switch (kind) {
          case RESOURCE -> "resource java.util.logging.FileHandler";
          case NOT_RESOURCE -> "not-resource java.io.StringReader";
          case ACQUIRE -> "acquire java.nio.file.Files#newInputStream";
          case ALIAS -> "alias java.net.Socket#getInputStream";
          case CHILD -> "child java.sql.Connection#createStatement";
          case RELEASE -> "release java.lang.AutoCloseable#close";
          case CLOSER -> "closer org.apache.commons.io.IOUtils#closeQuietly";
          case CLOSER_NAME -> "closer-name closeQuietly";
          case FACTORY_PREFIX -> "factory-prefix open";
          case TAKES_OWNERSHIP -> "takes-ownership java.util.Collection#add";
          case BUILDER_SETTER ->
              "builder-setter org.apache.commons.io.build.AbstractOriginSupplier#set*";
          case RESOURCE_AFTER ->
              "resource-after"
                  + " org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions"
                  + "#setVisualSignature";
          case CLOSED_TEST -> "closed-test java.net.Socket#isClosed";
          case OPEN_TEST -> "open-test java.nio.channels.Channel#isOpen";
          case RELEASE_ON_THROW ->
              "release-on-throw java.nio.channels.SocketChannel#connect"
                  + " (optionally followed by the first Java release it holds for: 24)";
          case THROWS ->
              "throws java.lang.Integer#parseInt(java.lang.String) java.lang.NumberFormatException"
                  + " (optionally followed by guards: hasNext|isPresent)";
          case NO_THROW -> "no-throw java.util.jar.JarOutputStream(java.io.OutputStream)";
          case CHARSET_EXCEPTION -> "charset-exception java.io.UnsupportedEncodingException";
          case STANDARD_CHARSET -> "standard-charset UTF-8";
          case FILE_SYSTEM -> "file-system java.nio.file.Path";
          case TRIVIAL_CLOSE -> "trivial-close java.io.InputStream";
          case LIFECYCLE_METHOD -> "lifecycle-method shutdown";
          case LIFECYCLE_ANNOTATION -> "lifecycle-annotation PreDestroy";
          case HOLD -> "hold java.util.concurrent.locks.Lock#lock unlock";
          case HOLD_IF_TRUE -> "hold-if-true java.util.concurrent.locks.Lock#tryLock unlock";
          case HOLD_STAMP ->
              "hold-stamp java.util.concurrent.locks.StampedLock#writeLock unlockWrite|unlock";
          case RESTORE -> "restore java.util.concurrent.Semaphore#acquire release";
          case RESTORE_ARG -> "restore-arg org.slf4j.MDC#put remove|clear";
          case THREAD_HANDOFF -> "thread-handoff java.util.concurrent.CountDownLatch#countDown";
          case KEEP_OPEN -> "keep-open java.lang.ClassLoader";
          case HELD_TEST ->
              "held-test java.util.concurrent.locks.ReentrantLock#isHeldByCurrentThread";
        };
    return "Write it like: " + example;
  }
}
