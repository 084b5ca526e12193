package dev.leakproof.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java files with javac and Error Prone running only the Leakproof checks, the way a build
 * would, and returns what they report. For corpus tests and local evaluation.
 */
public final class Scanner {
  private static final Pattern CHECK = Pattern.compile("^\\[(\\w+)\\] (.*)", Pattern.DOTALL);

  /** One diagnostic of a Leakproof check. */
  public record Finding(Path file, long line, long column, String check, String message) {
    @Override
    public String toString() {
      return file.getFileName() + ":" + line + ": [" + check + "] " + message;
    }
  }

  /**
   * The findings; the notes (a method Leakproof did not check, a suggestion), as {@code
   * File.java:line: [Check] message}; and javac's own errors (for sources that do not compile).
   */
  public record Result(
      List<Finding> findings, List<String> notes, List<String> errors, String output) {}

  private Scanner() {}

  public static Result scan(List<Path> files, List<String> extraOptions) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out;
    try {
      out = Files.createTempDirectory("leakproof-scan");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>();
    options.add("-d");
    options.add(out.toString());
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add("-Xlint:-options");
    options.add("-proc:none");
    options.add("-cp");
    options.add(System.getProperty("java.class.path"));
    // Error Prone finds plugin checks on the processor path.
    options.add("-processorpath");
    options.add(System.getProperty("java.class.path"));
    String checks =
        "-XepDisableAllChecks -Xep:ResourceLeak:WARN -Xep:ResourceLeakOnException:WARN -Xep:UnclosedResourceField:WARN -Xep:PreferTryWithResources:WARN -Xep:UnreleasedLock:WARN -Xep:UnrestoredState:WARN"
            + " -XepDisableWarningsInGeneratedCode";
    for (String o : extraOptions) {
      if (o.startsWith("--classpath=")) {
        // More libraries for the sources being scanned.
        int cp = options.indexOf("-cp") + 1;
        options.set(
            cp,
            o.substring("--classpath=".length()) + java.io.File.pathSeparator + options.get(cp));
      } else if (o.startsWith("-Xep")) {
        checks += " " + o;
      } else {
        options.add(o);
      }
    }
    options.add("-Xplugin:ErrorProne " + checks);
    options.add("-Xmaxwarns");
    options.add("100000");
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac
          .getTask(output, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(out);
    }
    List<Finding> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      Matcher m = CHECK.matcher(message);
      if (d.getKind() == Diagnostic.Kind.WARNING && m.matches() && d.getSource() != null) {
        String text = m.group(2);
        int seeAlso = text.indexOf("\n    (see ");
        findings.add(
            new Finding(
                Path.of(d.getSource().toUri()),
                d.getLineNumber(),
                d.getColumnNumber(),
                m.group(1),
                seeAlso < 0 ? text.strip() : text.substring(0, seeAlso).strip()));
      } else if (d.getKind() == Diagnostic.Kind.NOTE && m.matches() && d.getSource() != null) {
        notes.add(
            Path.of(d.getSource().toUri()).getFileName()
                + ":"
                + d.getLineNumber()
                + ": ["
                + m.group(1)
                + "] "
                + m.group(2).lines().findFirst().orElse(""));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(
            (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":")
                + d.getLineNumber()
                + ": "
                + message);
      }
    }
    return new Result(findings, notes, errors, output.toString());
  }

  /** Deletes a temporary directory and everything in it; what cannot go stays. */
  public static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is no test failure.
    }
  }
}
