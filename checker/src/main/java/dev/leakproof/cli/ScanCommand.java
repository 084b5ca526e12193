package dev.leakproof.cli;

import com.google.errorprone.BugCheckerInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakproof scan}: compile, check, report, and optionally fix. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Compiles the sources (nothing is written) and runs the Leakproof checks on them.",
      "Exit status: 0 no findings, 1 findings, 2 usage or configuration error,"
          + " 3 the sources do not compile, 4 internal error."
    })
final class ScanCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Source directories (every .java file below them) or .java files.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "CP",
      description = "The classpath the sources compile against.")
  String classpath;

  @Option(
      names = "--processorpath",
      paramLabel = "PATH",
      description =
          "Annotation processors the sources need (Lombok, AutoValue, ...); none run without it.")
  String processorPath;

  @Option(
      names = "--release",
      paramLabel = "N",
      description = "Compile for this Java release (default: the running JDK's).")
  String release;

  @Option(
      names = "--checks",
      split = ",",
      paramLabel = "CHECK",
      description = "Run only these checks (default: all).")
  List<String> checks = new ArrayList<>();

  @Option(
      names = "--option",
      paramLabel = "Leakproof:NAME=VALUE",
      description = "A Leakproof flag, as -XepOpt: takes it (repeatable). See docs/flags.md.")
  List<String> options = new ArrayList<>();

  @Option(
      names = "--sarif",
      paramLabel = "FILE",
      description = "Write a SARIF 2.1.0 log of the findings and their fixes.")
  Path sarif;

  @Option(
      names = "--patch",
      paramLabel = "FILE",
      description =
          "Write the fixes as a unified diff that 'git apply' takes at the scan root;"
              + " '-' prints it after the findings.")
  String patch;

  @Option(names = "--fix", description = "Apply the fixes to the files in place.")
  boolean fix;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Paths in the SARIF log and the patch are relative to this directory"
              + " (default: the working directory).")
  Path root;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "The sources' encoding (default: UTF-8).")
  String encoding = "UTF-8";

  private final PrintStream out;
  private final PrintStream err;

  ScanCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      return scan();
    } catch (UsageException e) {
      err.println("leakproof: " + e.getMessage());
      return Main.USAGE;
    }
  }

  private int scan() throws UsageException {
    Path scanRoot = (root == null ? Path.of("") : root).toAbsolutePath().normalize();
    if (!Files.isDirectory(scanRoot)) {
      throw new UsageException("--root " + root + " is not a directory");
    }
    List<Path> files = sourceFiles(scanRoot);
    List<BugCheckerInfo> selected = CheckSet.select(checks);
    Scan.Result result =
        Scan.run(
            new Scan.Request(
                files,
                scanRoot,
                classpath,
                processorPath,
                release,
                selected,
                flags(),
                charset(),
                Progress.forScan(files.size(), err, Progress.isTerminal())),
            err);
    if (!result.compileErrors().isEmpty()) {
      result.compileErrors().forEach(err::println);
      err.println(
          "leakproof: the sources do not compile, so they were not checked. If they use"
              + " libraries, pass them with --classpath (for Maven: mvn dependency:build-classpath"
              + " -Dmdep.outputFile=cp.txt, then --classpath \"$(cat cp.txt)\"); if they need"
              + " annotation processors, with --processorpath.");
      return Main.DOES_NOT_COMPILE;
    }
    result.notes().forEach(err::println);
    TextReport.write(result, out);
    Fixes.Applied applied = Fixes.apply(result.findings());
    if (sarif != null) {
      write(
          sarif,
          SarifReport.write(selected, result.findings(), scanRoot, Main.version()),
          "--sarif",
          StandardCharsets.UTF_8);
    }
    String diff = patch == null ? null : Fixes.unifiedDiff(applied);
    if (fix) {
      for (var change : applied.changed().entrySet()) {
        write(change.getKey().path, change.getValue(), "--fix", charset());
      }
    }
    TextReport.summary(result, applied, fix, out);
    if (diff != null) {
      if (patch.equals("-")) {
        out.print(diff);
      } else {
        // The diff quotes the sources, so it is written in their encoding.
        write(Path.of(patch), diff, "--patch", charset());
        out.println("leakproof: patch written to " + patch);
      }
    }
    for (String internal : result.internalErrors()) {
      err.println("leakproof: internal error while checking " + internal);
    }
    if (!result.internalErrors().isEmpty()) {
      return Main.INTERNAL_ERROR;
    }
    return result.findings().isEmpty() ? Main.NO_FINDINGS : Main.FINDINGS;
  }

  private List<Path> sourceFiles(Path scanRoot) throws UsageException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath().normalize();
      if (Files.isDirectory(absolute)) {
        try (Stream<Path> walk = Files.walk(absolute)) {
          walk.filter(p -> p.getFileName().toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("module-info.java"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(absolute)) {
        if (!absolute.getFileName().toString().endsWith(".java")) {
          throw new UsageException(path + " is not a .java file or a directory");
        }
        files.add(absolute);
      } else {
        throw new UsageException(path + " does not exist");
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("no .java files in " + paths);
    }
    for (Path file : files) {
      if (!file.startsWith(scanRoot)) {
        throw new UsageException(
            file
                + " is outside the scan root "
                + scanRoot
                + "; run from a directory above it or pass --root");
      }
    }
    return new ArrayList<>(files);
  }

  private List<String> flags() throws UsageException {
    List<String> flags = new ArrayList<>();
    for (String option : options) {
      String flag = option.startsWith("-XepOpt:") ? option.substring("-XepOpt:".length()) : option;
      if (!flag.startsWith("Leakproof:")) {
        flag = "Leakproof:" + flag;
      }
      if (flag.indexOf('=') < 0) {
        throw new UsageException(
            "--option " + option + " has no value; write it as Leakproof:NAME=VALUE");
      }
      flags.add(flag);
    }
    return flags;
  }

  private Charset charset() throws UsageException {
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UsageException("--encoding " + encoding + " is not a charset this JDK knows");
    }
  }

  private static void write(Path file, String text, String option, Charset charset)
      throws UsageException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, charset);
    } catch (IOException e) {
      throw new UsageException(option + ": cannot write " + file + ": " + e);
    }
  }
}
