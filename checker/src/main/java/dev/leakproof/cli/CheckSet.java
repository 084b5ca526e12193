package dev.leakproof.cli;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.leakproof.checks.PreferTryWithResources;
import dev.leakproof.checks.ResourceLeak;
import dev.leakproof.checks.ResourceLeakOnException;
import dev.leakproof.checks.UnclosedResourceField;
import dev.leakproof.checks.UnreleasedLock;
import dev.leakproof.checks.UnrestoredState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The checks the CLI can run, by name; a scan runs the ones the user picked. */
final class CheckSet {
  /** Every Leakproof check, in the order of the README's table. */
  static final List<Class<? extends BugChecker>> ALL =
      List.of(
          ResourceLeak.class,
          ResourceLeakOnException.class,
          UnclosedResourceField.class,
          UnreleasedLock.class,
          UnrestoredState.class,
          PreferTryWithResources.class);

  private static final Map<String, BugCheckerInfo> BY_NAME = new LinkedHashMap<>();

  static {
    for (Class<? extends BugChecker> check : ALL) {
      BugCheckerInfo info = BugCheckerInfo.create(check);
      BY_NAME.put(info.canonicalName(), info);
    }
  }

  private CheckSet() {}

  /** The checks named in {@code names}, or all of them when it is empty. */
  static List<BugCheckerInfo> select(List<String> names) throws UsageException {
    if (names.isEmpty()) {
      return List.copyOf(BY_NAME.values());
    }
    List<BugCheckerInfo> selected = new ArrayList<>();
    for (String raw : names) {
      String name = raw.strip();
      BugCheckerInfo info = BY_NAME.get(name);
      if (info == null) {
        throw new UsageException(
            "unknown check '"
                + name
                + "' in --checks; the checks are: "
                + String.join(", ", BY_NAME.keySet()));
      }
      if (!selected.contains(info)) {
        selected.add(info);
      }
    }
    return selected;
  }

  static List<Class<? extends BugChecker>> classes(List<BugCheckerInfo> checks) {
    return checks.stream()
        .<Class<? extends BugChecker>>map(BugCheckerInfo::checkerClass)
        .collect(Collectors.toList());
  }
}
