package dev.leakproof.config;

import com.google.errorprone.ErrorProneFlags;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every {@code -XepOpt:Leakproof:*} flag: its name, default, parsing and validation.
 *
 * @param followUncheckedExceptions follow the unchecked-exception edges of every call, not only
 *     those the model documents for bad input
 * @param maxStepsPerMethod transfer-function applications allowed for one method before it is
 *     skipped with a note
 * @param maxOpenFacts facts allowed in one dataflow store before the method is skipped
 * @param childrenMustBeClosed JDBC statements and result sets, zip entry streams and file locks
 *     must be closed themselves, even when their parent (connection, statement, zip file, channel)
 *     is closed
 * @param executorsAreResources executors from {@code Executors.new*} and {@code new
 *     ThreadPoolExecutor(...)} must be shut down
 * @param dataSourcesAreResources data sources that are {@code AutoCloseable} (connection pools such
 *     as Commons DBCP's {@code BasicDataSource}) must be closed
 * @param modelFiles extra model files to load, in the order given
 * @param holdingMethods names of methods whose contract is to return with a lock held (or a
 *     temporary change in place): their normal exits are not reported
 */
public record LeakproofConfig(
    boolean followUncheckedExceptions,
    int maxStepsPerMethod,
    int maxOpenFacts,
    boolean childrenMustBeClosed,
    boolean executorsAreResources,
    boolean dataSourcesAreResources,
    List<Path> modelFiles,
    String holdingMethods) {

  public static final String PREFIX = "Leakproof:";
  public static final String FOLLOW_UNCHECKED_EXCEPTIONS = PREFIX + "FollowUncheckedExceptions";
  public static final String MAX_STEPS_PER_METHOD = PREFIX + "MaxStepsPerMethod";
  public static final String CHILDREN_MUST_BE_CLOSED = PREFIX + "ChildrenMustBeClosed";
  public static final String EXECUTORS_ARE_RESOURCES = PREFIX + "ExecutorsAreResources";
  public static final String DATA_SOURCES_ARE_RESOURCES = PREFIX + "DataSourcesAreResources";
  public static final String MODEL_FILES = PREFIX + "ModelFiles";
  public static final String HOLDING_METHODS = PREFIX + "HoldingMethods";

  /**
   * Methods named like this acquire for their caller: {@code lock()}, {@code acquireWrite()},
   * {@code beginTransaction()}, {@code enterCriticalSection()}, {@code readLock()}.
   */
  public static final String DEFAULT_HOLDING_METHODS =
      "(lock|acquire|enter|begin|start|open|obtain|take|grab)([A-Z0-9_].*)?|.*Lock(ed)?";

  static final int DEFAULT_MAX_STEPS = 200_000;
  static final int DEFAULT_MAX_OPEN_FACTS = 400;

  private static final List<String> KNOWN =
      List.of(
          FOLLOW_UNCHECKED_EXCEPTIONS,
          MAX_STEPS_PER_METHOD,
          CHILDREN_MUST_BE_CLOSED,
          EXECUTORS_ARE_RESOURCES,
          DATA_SOURCES_ARE_RESOURCES,
          MODEL_FILES,
          HOLDING_METHODS);

  public LeakproofConfig {
    modelFiles = List.copyOf(modelFiles);
  }

  public static LeakproofConfig defaults() {
    return new LeakproofConfig(
        false,
        DEFAULT_MAX_STEPS,
        DEFAULT_MAX_OPEN_FACTS,
        false,
        false,
        false,
        List.of(),
        DEFAULT_HOLDING_METHODS);
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
    boolean children = booleanFlag(flags, CHILDREN_MUST_BE_CLOSED, false);
    boolean executors = booleanFlag(flags, EXECUTORS_ARE_RESOURCES, false);
    boolean dataSources = booleanFlag(flags, DATA_SOURCES_ARE_RESOURCES, false);
    return new LeakproofConfig(
        follow,
        steps,
        DEFAULT_MAX_OPEN_FACTS,
        children,
        executors,
        dataSources,
        modelFiles(flags),
        holdingMethods(flags));
  }

  /** {@link #holdingMethods}, compiled. */
  public Pattern holdingMethodsPattern() {
    return Pattern.compile(holdingMethods);
  }

  /** {@code -XepOpt:Leakproof:HoldingMethods=<regex>}, matched against whole method names. */
  private static String holdingMethods(ErrorProneFlags flags) {
    String raw = flags.get(HOLDING_METHODS).orElse(DEFAULT_HOLDING_METHODS);
    try {
      Pattern.compile(raw.strip());
      return raw.strip();
    } catch (PatternSyntaxException e) {
      throw new InvalidFlagException(
          "-XepOpt:"
              + HOLDING_METHODS
              + "="
              + raw
              + " is not a valid regular expression ("
              + e.getDescription()
              + "). Write a Java regular expression that matches whole method names, for example"
              + " -XepOpt:"
              + HOLDING_METHODS
              + "=lock.*|acquire.*");
    }
  }

  /**
   * {@code -XepOpt:Leakproof:ModelFiles=a.model,b.model}: paths relative to the directory javac
   * runs in (the project's directory in a Maven or Gradle build). Each must be a readable file.
   */
  private static List<Path> modelFiles(ErrorProneFlags flags) {
    List<Path> files = new ArrayList<>();
    for (String raw : flags.getListOrEmpty(MODEL_FILES)) {
      String name = raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      Path path;
      try {
        path = Path.of(name);
      } catch (InvalidPathException e) {
        throw new InvalidFlagException(
            "-XepOpt:" + MODEL_FILES + " names '" + name + "', which is not a valid path");
      }
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new InvalidFlagException(
            "-XepOpt:"
                + MODEL_FILES
                + " names "
                + path.toAbsolutePath()
                + ", which is not a readable file. Give paths separated by commas, relative to"
                + " the directory the compiler runs in, or absolute");
      }
      files.add(path);
    }
    return files;
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
