package dev.leakproof.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code leakproof}: scans Java sources with the Leakproof checks without changing the project's
 * build. Reached through {@link Launcher}, which checks the JDK first.
 */
@Command(
    name = "leakproof",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds resource leaks in Java sources and fixes them.",
    subcommands = {ScanCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit codes; docs/usage/cli.md lists them. */
  static final int NO_FINDINGS = 0;

  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int DOES_NOT_COMPILE = 3;
  static final int INTERNAL_ERROR = 4;

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line; what a process would print goes to {@code out} and {@code err}. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Main main = new Main(out, err);
    CommandLine commandLine = new CommandLine(main, new Factory(main));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
    commandLine.setParameterExceptionHandler(
        (e, line) -> {
          err.println("leakproof: " + e.getMessage());
          err.println(
              "leakproof: see '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for the options");
          return USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          err.println("leakproof: internal error: " + e);
          e.printStackTrace(err);
          return INTERNAL_ERROR;
        });
    return commandLine.execute(args);
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is needed: 'scan', or 'help scan' to see its options");
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"leakproof " + version()};
    }
  }

  /** Builds the subcommands with the streams of this run, so that tests can read them. */
  private static final class Factory implements CommandLine.IFactory {
    private final Main main;

    Factory(Main main) {
      this.main = main;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ScanCommand.class) {
        return type.cast(new ScanCommand(main.out(), main.err()));
      }
      if (type == Main.class) {
        return type.cast(main);
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
