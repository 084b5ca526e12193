package dev.leakproof.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources held in memory with javac and Error Prone, many times in one JVM: the compiler
 * and its file manager (with the class path already indexed) are reused, and class files are thrown
 * away. For the scaling benchmark and the mutation test, where a fresh process per compilation
 * would cost more than the compilation.
 */
public final class SourceCompiler implements AutoCloseable {
  /** Every Leakproof check, as a user turns them on. */
  public static final String ALL_LEAKPROOF_CHECKS =
      "-XepDisableAllChecks -Xep:ResourceLeak:WARN -Xep:ResourceLeakOnException:WARN"
          + " -Xep:UnclosedResourceField:WARN -Xep:PreferTryWithResources:WARN"
          + " -Xep:UnreleasedLock:WARN -Xep:UnrestoredState:WARN";

  /** Error Prone on the processor path with every check off: the baseline of the benchmarks. */
  public static final String NO_CHECKS = "-XepDisableAllChecks";

  /** A source file: its path (relative, {@code /}-separated, ending in .java) and text. */
  public record Source(String path, String text) {}

  /** What one compilation reported. */
  public record Result(List<Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
    public List<Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** The Leakproof findings and notes, as {@code [Check] message} lines. */
    public List<String> warnings() {
      return diagnostics.stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT))
          .toList();
    }
  }

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final StandardJavaFileManager files;
  private final JavaFileManager discardingOutput;

  public SourceCompiler() {
    files = javac.getStandardFileManager(null, Locale.ROOT, null);
    discardingOutput =
        new ForwardingJavaFileManager<>(files) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                URI.create("mem:///" + className + kind.extension), kind) {
              @Override
              public OutputStream openOutputStream() {
                return OutputStream.nullOutputStream();
              }
            };
          }
        };
  }

  /**
   * Compiles {@code sources} with Error Prone configured by {@code checks} (for example {@link
   * #ALL_LEAKPROOF_CHECKS}) and any {@code extraOptions}. An exception that escapes the compiler (a
   * crashed check) propagates.
   */
  public Result compile(List<Source> sources, String checks, List<String> extraOptions) {
    List<String> options = new ArrayList<>();
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add("-Xlint:-options");
    options.add("-proc:none");
    options.add("-implicit:none");
    options.add("-cp");
    options.add(System.getProperty("java.class.path"));
    options.add("-processorpath");
    options.add(System.getProperty("java.class.path"));
    options.add("-Xmaxwarns");
    options.add("100000");
    options.add("-Xmaxerrs");
    options.add("100000");
    options.addAll(extraOptions);
    options.add("-Xplugin:ErrorProne " + checks);
    List<JavaFileObject> units = new ArrayList<>();
    for (Source s : sources) {
      units.add(
          new SimpleJavaFileObject(URI.create("mem:///" + s.path()), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return s.text();
            }
          });
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    javac.getTask(output, discardingOutput, diagnostics, options, null, units).call();
    return new Result(diagnostics.getDiagnostics(), output.toString());
  }

  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
