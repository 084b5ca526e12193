package testdata.resourceleakonexception;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Formatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Scanner;

/** A cron-like scheduler that reads job specs while its schedule file is open. */
public class PositiveSchedulerInputs {

  record Job(String name, LocalTime at, long timeoutSeconds) {}

  public List<String> jobNames(File specFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Scanner sc = new Scanner(specFile, StandardCharsets.UTF_8); // leak: nextLine throws on an empty file before close
    String version = sc.nextLine();
    List<String> names = new ArrayList<>();
    while (sc.hasNextLine()) {
      names.add(sc.nextLine().strip());
    }
    sc.close();
    System.out.println("loaded spec version " + version);
    return names;
  }

  public void writeSchedule(Path target, Map<String, String> times) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // leak: LocalTime.parse throws before close
    for (Map.Entry<String, String> e : times.entrySet()) {
      out.println(e.getKey() + " " + LocalTime.parse(e.getValue()));
    }
    out.close();
  }

  public void writeDeadlines(String fileName, Map<String, String> deadlines) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Formatter fmt = new Formatter(fileName); // leak: Instant.parse throws before close
    for (Map.Entry<String, String> e : deadlines.entrySet()) {
      fmt.format("%s %d%n", e.getKey(), Instant.parse(e.getValue()).getEpochSecond());
    }
    fmt.close();
  }

  public void writeTimeouts(Path target, List<String> specs) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(target.toFile(), StandardCharsets.UTF_8); // leak: Long.valueOf(String) throws before close
    for (String spec : specs) {
      long seconds = Long.valueOf(spec.replace("s", ""));
      out.println(seconds * 1000);
    }
    out.close();
  }

  public void writeOwner(Path target, Optional<String> owner) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // leak: Optional.get throws when empty before close
    out.println("owner=" + owner.get());
    out.close();
  }

  public void writePairs(Path target, List<String> keysAndValues) throws IOException {
    Iterator<String> it = keysAndValues.iterator();
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // leak: the second Iterator.next throws on an odd count
    while (it.hasNext()) {
      String key = it.next();
      String value = it.next();
      out.println(key + "=" + value);
    }
    out.close();
  }

  public void writeFlags(Path target, Map<String, String> flags) throws IOException {
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(target)); // ok: Boolean.parseBoolean never throws; nothing else can throw before close
    flags.forEach((k, v) -> out.println(k + "=" + Boolean.parseBoolean(v)));
    out.close();
  }

  public void writeSafely(Path target, Map<String, String> times) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(target))) { // ok: try-with-resources
      times.forEach((name, time) -> out.println(name + " " + LocalTime.parse(time)));
    }
  }
}
