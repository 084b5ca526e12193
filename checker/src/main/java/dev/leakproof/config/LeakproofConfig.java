package dev.leakproof.config;

import com.google.errorprone.ErrorProneFlags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code -XepOpt:Leakproof:*} flag: its name, default, parsing and validation.
 *
 * @param followUncheckedExceptions follow the unchecked-exception edges of every call, not only
 *     those the model documents for bad input
 * @param maxStepsPerMethod transfer-function applications allowed for one method before it is
 *     skipped with a note
 * @param maxOpenFacts facts allowed in one dataflow store before the method is skipped
 */
public record LeakproofConfig(
    boolean followUncheckedExceptions, int maxStepsPerMethod, int maxOpenFacts) {

  public static final String PREFIX = "Leakproof:";
  public static final String FOLLOW_UNCHECKED_EXCEPTIONS = PREFIX + "FollowUncheckedExceptions";
  public static final String MAX_STEPS_PER_METHOD = PREFIX + "MaxStepsPerMethod";

  static final int DEFAULT_MAX_STEPS = 200_000;
  static final int DEFAULT_MAX_OPEN_FACTS = 400;

  private static final List<String> KNOWN =
      List.of(FOLLOW_UNCHECKED_EXCEPTIONS, MAX_STEPS_PER_METHOD);

  public static LeakproofConfig defaults() {
    return new LeakproofConfig(false, DEFAULT_MAX_STEPS, DEFAULT_MAX_OPEN_FACTS);
  }

  /**
   * Reads the flags; throws {@link InvalidFlagException} with a message that says how to fix a bad
   * value or an unknown {@code Leakproof:} flag.
   */
  public static LeakproofConfig fromFlags(ErrorProneFlags flags) {
    for (Map.Entry<String, String> e : flags.getFlagsMap().entrySet()) {
      if (e.getKey().startsWith(PREFIX) && !KNOWN.contains(e.getKey())) {
        throw new InvalidFlagException(
            "-XepOpt:"
                + e.getKey()
                + " is not a Leakproof flag"
                + suggestion(e.getKey())
                + ". Known flags: "
                + String.join(", ", KNOWN));
      }
    }
    boolean follow = booleanFlag(flags, FOLLOW_UNCHECKED_EXCEPTIONS, false);
    int steps = positiveIntFlag(flags, MAX_STEPS_PER_METHOD, DEFAULT_MAX_STEPS);
    return new LeakproofConfig(follow, steps, DEFAULT_MAX_OPEN_FACTS);
  }

  private static boolean booleanFlag(ErrorProneFlags flags, String name, boolean fallback) {
    Optional<String> raw = flags.get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    String v = raw.get().strip();
    if (v.equalsIgnoreCase("true") || v.isEmpty()) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidFlagException(
        "-XepOpt:"
            + name
            + "="
            + raw.get()
            + " is not a boolean. Write -XepOpt:"
            + name
            + "=true or -XepOpt:"
            + name
            + "=false");
  }

  private static int positiveIntFlag(ErrorProneFlags flags, String name, int fallback) {
    Optional<String> raw = flags.get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.get().strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidFlagException(
        "-XepOpt:"
            + name
            + "="
            + raw.get()
            + " is not a positive whole number. Write, for"
            + " example, -XepOpt:"
            + name
            + "="
            + fallback
            + " (the default)");
  }

  private static String suggestion(String unknown) {
    List<String> sorted = new ArrayList<>(KNOWN);
    sorted.sort(Comparator.comparingInt(k -> distance(k.toLowerCase(), unknown.toLowerCase())));
    String best = sorted.get(0);
    return distance(best.toLowerCase(), unknown.toLowerCase()) <= 4
        ? " (did you mean -XepOpt:" + best + "?)"
        : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
