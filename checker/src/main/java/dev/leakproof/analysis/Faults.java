package dev.leakproof.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Failures that tests inject at named points of the work behind a check, to show that each is
 * caught at the check boundary and reported as one note. Inert unless a test arms a point.
 */
public final class Faults {
  /** Where a failure can be injected. */
  public enum Point {
    /** Binding the library model to a compilation (the analysis cache's set-up). */
    MODEL,
    /** The leak analysis of a unit. */
    ANALYSIS,
    /** The lock and state analysis of a unit. */
    HOLDS,
    /** Turning a unit's leaks into findings: messages and fixes. */
    REPORT,
    /** Collecting a class's owned-field findings. */
    FIELDS
  }

  private static volatile @Nullable Point armed;
  private static volatile @Nullable String armedUnit;

  private Faults() {}

  /** Makes every later pass through {@code point} fail; {@code null} disarms. */
  public static void arm(@Nullable Point point) {
    arm(point, null);
  }

  /**
   * Makes every later pass through {@code point} fail for units (methods) named {@code unit} only,
   * or for all units if it is null.
   */
  public static void arm(@Nullable Point point, @Nullable String unit) {
    armed = point;
    armedUnit = unit;
  }

  /** Fails if a test armed {@code point}. */
  public static void at(Point point) {
    at(point, null);
  }

  /** Fails if a test armed {@code point}, for all units or for {@code unit}. */
  public static void at(Point point, @Nullable String unit) {
    if (armed == point && (armedUnit == null || armedUnit.equals(unit))) {
      throw new IllegalStateException("failure injected at " + point);
    }
  }
}
