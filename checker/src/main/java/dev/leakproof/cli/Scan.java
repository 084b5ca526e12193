package dev.leakproof.cli;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.CodeTransformer;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.InvalidCommandLineOptionException;
import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.scanner.ErrorProneScannerTransformer;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Log;
import dev.leakproof.checks.Boundary;
import dev.leakproof.config.InvalidFlagException;
import dev.leakproof.config.LeakproofConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a set of files up to javac's flow analysis (nothing is written), then runs the chosen
 * Leakproof checks over every compilation unit through Error Prone's own scanner, keeping each
 * description whole: its position and its fix, which a plain javac diagnostic would lose.
 */
final class Scan {

  /** What to scan and how to compile it. */
  record Request(
      List<Path> files,
      Path root,
      String classpath,
      String processorPath,
      String release,
      List<BugCheckerInfo> checks,
      List<String> flags,
      Charset encoding,
      Progress progress) {}

  /**
   * What a scan found. {@code compileErrors} is not empty when the sources do not compile; the
   * checks did not run then. {@code internalErrors} names the files where a check failed.
   */
  record Result(
      List<Source> sources,
      List<Finding> findings,
      List<String> compileErrors,
      List<String> internalErrors,
      List<String> notes) {}

  private Scan() {}

  static Result run(Request request, PrintStream err) throws UsageException {
    ErrorProneOptions errorProne = errorProneOptions(request);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new UsageException(
          "this Java runtime has no compiler; run the CLI with a JDK, not a JRE ("
              + System.getProperty("java.home")
              + ")");
    }
    Path out = temporaryDirectory();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    // Notes that a check prints (a method skipped over its budget) reach the user on stderr.
    PrintWriter notes = new PrintWriter(err, true);
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, request.encoding())) {
      JavacTask task;
      try {
        task =
            (JavacTask)
                javac.getTask(
                    notes,
                    files,
                    diagnostics,
                    javacOptions(request, out),
                    null,
                    files.getJavaFileObjectsFromPaths(request.files()));
      } catch (IllegalArgumentException e) {
        throw new UsageException("javac does not accept the options: " + e.getMessage());
      }
      request.progress().phase("parsing " + request.files().size() + " files");
      List<CompilationUnitTree> units = new ArrayList<>();
      task.parse().forEach(units::add);
      request.progress().phase("compiling");
      task.analyze();
      List<String> errors = errors(diagnostics);
      if (!errors.isEmpty()) {
        request.progress().done();
        return new Result(List.of(), List.of(), errors, List.of(), List.of());
      }
      return check(task, units, errorProne, request, notes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(out);
    }
  }

  private static Result check(
      JavacTask task,
      List<CompilationUnitTree> units,
      ErrorProneOptions errorProne,
      Request request,
      PrintWriter notes) {
    Context context = ((BasicJavacTask) task).getContext();
    context.put(ErrorProneOptions.class, errorProne);
    CodeTransformer transformer =
        ErrorProneScannerTransformer.create(
            ScannerSupplier.fromBugCheckerClasses(CheckSet.classes(request.checks()))
                .applyOverrides(errorProne)
                .get());
    Log log = Log.instance(context);
    List<Source> sources = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<String> internalErrors = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int done = 0;
    for (CompilationUnitTree unit : units) {
      request.progress().step(++done, units.size());
      Source source = source(unit.getSourceFile(), request.root());
      sources.add(source);
      ErrorProneEndPosTable endPositions = ErrorProneEndPosTable.create(unit);
      JavaFileObject previous = log.useSource(unit.getSourceFile());
      try {
        transformer.apply(
            new TreePath(unit),
            context,
            description -> {
              Finding finding = finding(description, source, endPositions);
              if (finding.message().startsWith(Boundary.SKIPPED)) {
                // Not a finding: a unit the checks did not look at, which the user must see.
                skipped.add(
                    display(source.path)
                        + ":"
                        + finding.line()
                        + ": note: ["
                        + finding.check()
                        + "] "
                        + finding.message());
              } else {
                findings.add(finding);
              }
            });
      } catch (RuntimeException | Error e) {
        // A check that fails must not cost the user the findings in every other file.
        internalErrors.add(source.relative + ": " + e);
      } finally {
        log.useSource(previous);
        notes.flush();
      }
    }
    request.progress().done();
    findings.sort(
        Comparator.comparing((Finding f) -> f.source().relative)
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::check));
    return new Result(sources, findings, List.of(), internalErrors, skipped);
  }

  private static Finding finding(
      Description description, Source source, ErrorProneEndPosTable endPositions) {
    int start = description.position.getStartPosition();
    int end = description.position.getEndPosition(endPositions);
    return new Finding(
        source,
        description.checkName,
        severity(description.severity()),
        description.getRawMessage(),
        start,
        end < start ? start : end,
        edits(description, endPositions));
  }

  /** The first fix's edits. A fix that would change imports is left out: ours never do. */
  private static List<Finding.Edit> edits(
      Description description, ErrorProneEndPosTable endPositions) {
    for (Fix fix : description.fixes) {
      if (fix.isEmpty()) {
        continue;
      }
      if (!fix.getImportsToAdd().isEmpty() || !fix.getImportsToRemove().isEmpty()) {
        return List.of();
      }
      List<Finding.Edit> edits = new ArrayList<>();
      for (Replacement r : fix.getReplacements(endPositions)) {
        edits.add(new Finding.Edit(r.startPosition(), r.endPosition(), r.replaceWith()));
      }
      return List.copyOf(edits);
    }
    return List.of();
  }

  private static Finding.Severity severity(SeverityLevel level) {
    return switch (level) {
      case ERROR -> Finding.Severity.ERROR;
      case WARNING -> Finding.Severity.WARNING;
      case SUGGESTION -> Finding.Severity.NOTE;
    };
  }

  private static ErrorProneOptions errorProneOptions(Request request) throws UsageException {
    List<String> args = new ArrayList<>();
    for (String flag : request.flags()) {
      args.add("-XepOpt:" + flag);
    }
    ErrorProneOptions options;
    try {
      options = ErrorProneOptions.processArgs(args);
    } catch (InvalidCommandLineOptionException e) {
      throw new UsageException("bad --option: " + e.getMessage());
    }
    try {
      LeakproofConfig.fromFlags(options.getFlags());
    } catch (InvalidFlagException e) {
      throw new UsageException(e.getMessage());
    }
    return options;
  }

  private static List<String> javacOptions(Request request, Path out) {
    List<String> options = new ArrayList<>();
    options.add("-d");
    options.add(out.toString());
    options.add("-s");
    options.add(out.toString());
    options.add("-nowarn");
    options.add("-Xlint:none");
    options.add("-XDsuppressNotes");
    options.add("-Xmaxerrs");
    options.add("50");
    if (request.classpath() != null) {
      options.add("-classpath");
      options.add(request.classpath());
    }
    if (request.processorPath() != null) {
      options.add("-processorpath");
      options.add(request.processorPath());
    } else {
      options.add("-proc:none");
    }
    if (request.release() != null) {
      options.add("--release");
      options.add(request.release());
    }
    return options;
  }

  private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String where =
          d.getSource() == null
              ? ""
              : display(Path.of(d.getSource().toUri()))
                  + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "")
                  + ": ";
      errors.add(where + "error: " + d.getMessage(Locale.ROOT));
    }
    return errors;
  }

  private static Source source(JavaFileObject file, Path root) {
    Path path = Path.of(file.toUri());
    try {
      return new Source(path, relative(path, root), file.getCharContent(true).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code path} relative to {@code root} with {@code /} separators. */
  static String relative(Path path, Path root) {
    Path r = root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize());
    return r.toString().replace(java.io.File.separatorChar, '/');
  }

  /** How text output names a file: relative to the working directory when it is below it. */
  static String display(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("leakproof-cli");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind does not change the scan's result.
    }
  }
}
