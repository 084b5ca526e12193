package dev.leakproof.cli;

import java.io.Console;
import java.io.PrintStream;

/**
 * A one-line progress display on stderr, for trees large enough that a silent scan looks hung.
 * Shown only when a person is watching: on a terminal, never in a log or a pipe.
 */
class Progress {
  /** Below this many files a scan is quick and needs no display. */
  static final int THRESHOLD = 300;

  private static final Progress NONE = new Progress();

  static Progress none() {
    return NONE;
  }

  static Progress forScan(int files, PrintStream err, boolean terminal) {
    return files > THRESHOLD && terminal ? new Shown(err) : NONE;
  }

  void phase(String what) {}

  void step(int done, int total) {}

  void done() {}

  /** Whether a person is likely watching stderr. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // From JDK 22 a console exists even when redirected; isTerminal() tells which.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static final class Shown extends Progress {
    private final PrintStream err;
    private int lastPercent = -1;

    Shown(PrintStream err) {
      this.err = err;
    }

    @Override
    void phase(String what) {
      err.print("\r\033[Kleakproof: " + what + "...");
      err.flush();
    }

    @Override
    void step(int done, int total) {
      int percent = done * 100 / total;
      if (percent != lastPercent) {
        lastPercent = percent;
        err.print(
            "\r\033[Kleakproof: checking " + done + "/" + total + " files (" + percent + "%)");
        err.flush();
      }
    }

    @Override
    void done() {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
