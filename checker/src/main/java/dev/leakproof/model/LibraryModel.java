package dev.leakproof.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The model entries in force: the built-in JDK and library model, plus any added ones. */
public final class LibraryModel {
  static final String BUILT_IN_RESOURCE = "/dev/leakproof/model/jdk.model";
  static final String EXECUTORS_RESOURCE = "/dev/leakproof/model/executors.model";
  static final String DATA_SOURCES_RESOURCE = "/dev/leakproof/model/datasources.model";

  private static final LibraryModel BUILT_IN =
      new LibraryModel(read(BUILT_IN_RESOURCE, "jdk.model"));

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

  /**
   * The built-in model, then the executor entries if {@code executorsAreResources}, then the data
   * source entries unless {@code dataSourcesAreResources}, then the models of every {@link
   * ModelProvider} on {@code loader}'s path, then {@code files} in order. Throws {@link
   * ModelFormatException} for a bad entry or an unreadable file; the message names the source, the
   * line and the fix.
   */
  public static LibraryModel load(
      boolean executorsAreResources,
      boolean dataSourcesAreResources,
      ClassLoader loader,
      List<Path> files) {
    LibraryModel model = BUILT_IN;
    if (executorsAreResources) {
      model = model.plus(read(EXECUTORS_RESOURCE, "executors.model"));
    }
    if (!dataSourcesAreResources) {
      // Loaded by default, not on request: with the flag, a data source is a resource exactly when
      // it is AutoCloseable, which no `resource` entry could say.
      model = model.plus(read(DATA_SOURCES_RESOURCE, "datasources.model"));
    }
    for (ModelProvider provider : ServiceLoader.load(ModelProvider.class, loader)) {
      model = model.plus(ModelParser.parse(provider.name(), provider.model()));
    }
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ModelFormatException(
            file.toString(),
            "cannot be read (" + e.getMessage() + ")",
            "Check the path and rights");
      }
      model = model.plus(ModelParser.parse(file.toString(), text));
    }
    return model;
  }

  private static List<ModelEntry> read(String resource, String name) {
    try (InputStream in = LibraryModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Leakproof's jar lacks " + resource);
      }
      return ModelParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
