package dev.leakproof.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies a check's fixes to one source the way users do: Error Prone's patch mode, in place, on a
 * temporary copy. Returns the exact resulting text, so tests can pin formatting and comments.
 */
public final class Patcher {
  private Patcher() {}

  public static String apply(String check, String fileName, String source) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("leakproof-patch");
      Path file = dir.resolve(fileName);
      Files.writeString(file, source);
      Scanner.Result result =
          Scanner.scan(
              List.of(file), List.of("-XepPatchChecks:" + check, "-XepPatchLocation:IN_PLACE"));
      if (!result.errors().isEmpty()) {
        throw new AssertionError("patching failed: " + result.errors());
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        Scanner.deleteTree(dir);
      }
    }
  }
}
