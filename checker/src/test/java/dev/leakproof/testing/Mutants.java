package dev.leakproof.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variants of a Java source made by one small edit, chosen by a seed, so that any variant can be
 * made again from its seed: a statement deleted, duplicated or swapped with the next, a token
 * dropped, a brace removed, a {@code close()} or {@code unlock()} deleted, a try-with-resources
 * turned into a plain declaration, a {@code finally} turned into a {@code catch}.
 */
public final class Mutants {
  private Mutants() {}

  /** A variant: its text and what was done, for the report of a failure. */
  public record Mutant(String text, String edit) {}

  private static final Pattern TOKEN =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*|\\d+|\"(?:[^\"\\\\]|\\\\.)*\"|\\S");
  private static final Pattern TRY_ONE_RESOURCE = Pattern.compile("^(\\s*)try \\((.*)\\) \\{$");
  private static final Pattern FINALLY = Pattern.compile("^(\\s*)} finally \\{$");

  private static final int KINDS = 9;

  /** The variant of {@code source} that {@code seed} picks; null if that edit does not apply. */
  public static Mutant of(String source, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(source.lines().toList());
    int kind = random.nextInt(KINDS);
    List<Integer> statements = matching(lines, l -> l.endsWith(";") && !isHeader(l));
    return switch (kind) {
      case 0 -> deleteLine(lines, pick(statements, random), "deleted statement");
      case 1 -> {
        Integer at = pick(statements, random);
        if (at == null) {
          yield null;
        }
        lines.add(at, lines.get(at));
        yield new Mutant(join(lines), "duplicated line " + (at + 1) + ": " + lines.get(at).strip());
      }
      case 2 -> {
        Integer at = pick(statements, random);
        if (at == null || at + 1 >= lines.size() || !statements.contains(at + 1)) {
          yield null;
        }
        String a = lines.get(at);
        lines.set(at, lines.get(at + 1));
        lines.set(at + 1, a);
        yield new Mutant(join(lines), "swapped lines " + (at + 1) + " and " + (at + 2));
      }
      case 3 -> dropToken(lines, random);
      case 4 -> {
        List<Integer> braces = matching(lines, l -> l.contains("{") || l.contains("}"));
        Integer at = pick(braces, random);
        if (at == null) {
          yield null;
        }
        String line = lines.get(at);
        int index = random.nextBoolean() ? line.indexOf('{') : line.lastIndexOf('}');
        if (index < 0) {
          index = Math.max(line.indexOf('{'), line.lastIndexOf('}'));
        }
        lines.set(at, line.substring(0, index) + line.substring(index + 1));
        yield new Mutant(
            join(lines), "removed a brace from line " + (at + 1) + ": " + line.strip());
      }
      case 5, 6 -> {
        // Deleting a release is the edit that most often still compiles, and leaks.
        List<Integer> releases =
            matching(
                statements,
                lines,
                l -> l.contains("close()") || l.contains("unlock()") || l.contains("release"));
        yield deleteLine(lines, pick(releases, random), "deleted release");
      }
      case 7 -> {
        List<Integer> tries = matching(lines, l -> TRY_ONE_RESOURCE.matcher(l).matches());
        Integer at = pick(tries, random);
        if (at == null) {
          yield null;
        }
        Matcher m = TRY_ONE_RESOURCE.matcher(lines.get(at));
        m.matches();
        if (m.group(2).contains(";")) {
          yield null;
        }
        String before = lines.get(at);
        lines.set(at, m.group(1) + m.group(2) + "; {");
        yield new Mutant(
            join(lines),
            "unwrapped try-with-resources at line " + (at + 1) + ": " + before.strip());
      }
      default -> {
        List<Integer> finallies = matching(lines, l -> FINALLY.matcher(l).matches());
        Integer at = pick(finallies, random);
        if (at == null) {
          yield null;
        }
        Matcher m = FINALLY.matcher(lines.get(at));
        m.matches();
        lines.set(at, m.group(1) + "} catch (RuntimeException mutantException) {");
        yield new Mutant(join(lines), "finally at line " + (at + 1) + " became a catch");
      }
    };
  }

  private static boolean isHeader(String line) {
    String s = line.strip();
    return s.startsWith("package ") || s.startsWith("import ");
  }

  private static Mutant deleteLine(List<String> lines, Integer at, String what) {
    if (at == null) {
      return null;
    }
    String gone = lines.remove((int) at);
    return new Mutant(join(lines), what + " at line " + (at + 1) + ": " + gone.strip());
  }

  private static Mutant dropToken(List<String> lines, Random random) {
    List<Integer> code = matching(lines, l -> !l.isBlank() && !l.strip().startsWith("//"));
    Integer at = pick(code, random);
    if (at == null) {
      return null;
    }
    String line = lines.get(at);
    List<int[]> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    while (m.find()) {
      tokens.add(new int[] {m.start(), m.end()});
    }
    if (tokens.isEmpty()) {
      return null;
    }
    int[] t = tokens.get(random.nextInt(tokens.size()));
    lines.set(at, line.substring(0, t[0]) + line.substring(t[1]));
    return new Mutant(
        join(lines),
        "dropped `" + line.substring(t[0], t[1]) + "` from line " + (at + 1) + ": " + line.strip());
  }

  private static List<Integer> matching(
      List<String> lines, java.util.function.Predicate<String> p) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (p.test(lines.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> matching(
      List<Integer> among, List<String> lines, java.util.function.Predicate<String> p) {
    return among.stream().filter(i -> p.test(lines.get(i))).toList();
  }

  private static Integer pick(List<Integer> from, Random random) {
    return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }
}
