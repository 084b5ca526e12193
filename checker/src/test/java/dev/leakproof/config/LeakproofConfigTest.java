package dev.leakproof.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.ErrorProneFlags;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakproofConfigTest {
  private static LeakproofConfig parse(Map<String, String> flags) {
    return LeakproofConfig.fromFlags(ErrorProneFlags.fromMap(flags));
  }

  @Test
  void defaultsWithoutFlags() {
    assertEquals(LeakproofConfig.defaults(), parse(Map.of()));
    assertFalse(parse(Map.of()).followUncheckedExceptions());
  }

  @Test
  void readsEachFlag() {
    LeakproofConfig c =
        parse(
            Map.of(
                "Leakproof:FollowUncheckedExceptions", "TRUE",
                "Leakproof:MaxStepsPerMethod", "1000"));
    assertTrue(c.followUncheckedExceptions());
    assertEquals(1000, c.maxStepsPerMethod());
    assertTrue(
        parse(Map.of("Leakproof:FollowUncheckedExceptions", "")).followUncheckedExceptions());
  }

  @Test
  void readsOptInFlagsAndModelFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path a = java.nio.file.Files.writeString(dir.resolve("a.model"), "");
    java.nio.file.Path b = java.nio.file.Files.writeString(dir.resolve("b.model"), "");
    LeakproofConfig c =
        parse(
            Map.of(
                "Leakproof:ChildrenMustBeClosed", "true",
                "Leakproof:ExecutorsAreResources", "true",
                "Leakproof:DataSourcesAreResources", "true",
                "Leakproof:ModelFiles", a + "," + b));
    assertTrue(c.childrenMustBeClosed());
    assertTrue(c.executorsAreResources());
    assertTrue(c.dataSourcesAreResources());
    assertEquals(java.util.List.of(a, b), c.modelFiles());
    assertFalse(LeakproofConfig.defaults().childrenMustBeClosed());
    assertFalse(LeakproofConfig.defaults().executorsAreResources());
    assertFalse(LeakproofConfig.defaults().dataSourcesAreResources());
    assertFalse(
        parse(Map.of("Leakproof:DataSourcesAreResources", "false")).dataSourcesAreResources());
  }

  @Test
  void flagDataSourcesAreResourcesBadValueSaysHowToFixIt() {
    InvalidFlagException e =
        assertThrows(
            InvalidFlagException.class,
            () -> parse(Map.of("Leakproof:DataSourcesAreResources", "pooled")));
    assertEquals(
        "-XepOpt:Leakproof:DataSourcesAreResources=pooled is not a boolean. Write"
            + " -XepOpt:Leakproof:DataSourcesAreResources=true or"
            + " -XepOpt:Leakproof:DataSourcesAreResources=false",
        e.getMessage());
  }

  @Test
  void flagBadBooleanSaysHowToFixIt() {
    InvalidFlagException e =
        assertThrows(
            InvalidFlagException.class,
            () -> parse(Map.of("Leakproof:FollowUncheckedExceptions", "maybe")));
    assertEquals(
        "-XepOpt:Leakproof:FollowUncheckedExceptions=maybe is not a boolean. Write"
            + " -XepOpt:Leakproof:FollowUncheckedExceptions=true or"
            + " -XepOpt:Leakproof:FollowUncheckedExceptions=false",
        e.getMessage());
  }

  @Test
  void flagBadNumberSaysHowToFixIt() {
    for (String bad : new String[] {"-5", "0", "many", "1.5"}) {
      InvalidFlagException e =
          assertThrows(
              InvalidFlagException.class, () -> parse(Map.of("Leakproof:MaxStepsPerMethod", bad)));
      assertTrue(
          e.getMessage().contains("is not a positive whole number")
              && e.getMessage().contains("-XepOpt:Leakproof:MaxStepsPerMethod=200000"),
          e.getMessage());
    }
  }

  @Test
  void flagUnknownNameSuggestsTheClosestOne() {
    InvalidFlagException e =
        assertThrows(
            InvalidFlagException.class,
            () -> parse(Map.of("Leakproof:FollowUncheckedException", "true")));
    assertTrue(
        e.getMessage()
            .startsWith(
                "-XepOpt:Leakproof:FollowUncheckedException is not a Leakproof flag (did you mean"
                    + " -XepOpt:Leakproof:FollowUncheckedExceptions?)"),
        e.getMessage());
  }

  @Test
  void otherToolsFlagsAreIgnored() {
    assertEquals(LeakproofConfig.defaults(), parse(Map.of("NullAway:AnnotatedPackages", "x")));
  }
}
