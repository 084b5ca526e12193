package dev.leakproof.fix;

import com.google.errorprone.fixes.SuggestedFix;
import org.jspecify.annotations.Nullable;

/** A fix for a finding, or the reason there is none. Exactly one of the two is set. */
public record FixResult(@Nullable SuggestedFix fix, @Nullable NoFix reason) {
  public FixResult {
    if ((fix == null) == (reason == null)) {
      throw new IllegalArgumentException("exactly one of fix and reason");
    }
  }

  static FixResult of(SuggestedFix fix) {
    return new FixResult(fix, null);
  }

  static FixResult none(NoFix reason) {
    return new FixResult(null, reason);
  }
}
