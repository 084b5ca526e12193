package dev.leakproof.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The model entries in force: the built-in JDK and library model, plus any added ones. */
public final class LibraryModel {
  static final String BUILT_IN_RESOURCE = "/dev/leakproof/model/jdk.model";

  private static final LibraryModel BUILT_IN = load();

  private final List<ModelEntry> entries;

  private LibraryModel(List<ModelEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The model shipped with Leakproof; parsed once per JVM. */
  public static LibraryModel builtIn() {
    return BUILT_IN;
  }

  /** This model with {@code more} entries added after its own. */
  public LibraryModel plus(List<ModelEntry> more) {
    List<ModelEntry> all = new ArrayList<>(entries);
    all.addAll(more);
    return new LibraryModel(all);
  }

  public List<ModelEntry> entries() {
    return entries;
  }

  private static LibraryModel load() {
    try (InputStream in = LibraryModel.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Leakproof's jar lacks " + BUILT_IN_RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new LibraryModel(ModelParser.parse("jdk.model", text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
