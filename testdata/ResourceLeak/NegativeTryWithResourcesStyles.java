package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A file-copy and import utility written with try-with-resources throughout. */
public class NegativeTryWithResourcesStyles {

  record Account(String id, String owner, long balanceCents) {}

  /** A lease on a temp directory, released on close. */
  static final class TempWorkspace implements AutoCloseable {
    final Path dir;

    TempWorkspace(Path dir) {
      this.dir = dir;
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> s = Files.walk(dir)) { // ok: try-with-resources
        for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  public void copy(File src, File dst) throws IOException {
    try (InputStream in = new FileInputStream(src); // ok: multi-resource try-with-resources
        OutputStream out = new FileOutputStream(dst)) { // ok: multi-resource try-with-resources
      in.transferTo(out);
    }
  }

  public List<Account> importAccounts(Path csv) throws IOException {
    List<Account> accounts = new ArrayList<>();
    try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) { // ok: try-with-resources with var
      String header = reader.readLine();
      if (header == null) {
        return accounts;
      }
      for (String line; (line = reader.readLine()) != null; ) {
        String[] f = line.split(",");
        if (f.length < 3) {
          continue;
        }
        accounts.add(new Account(f[0], f[1], Long.parseLong(f[2])));
      }
    }
    return accounts;
  }

  public String firstMatching(File log, String prefix) throws IOException {
    BufferedReader reader = new BufferedReader(new FileReader(log)); // ok: Java 9 try (reader) right after acquisition
    try (reader) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      return null;
    }
  }

  public void appendAll(Path target, List<String> lines) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND); // ok: try-with-resources
        PrintWriter pw = new PrintWriter(w)) {
      lines.forEach(pw::println);
    }
  }

  public Map<String, Integer> wordFrequencies(List<Path> files) throws IOException {
    Map<String, Integer> freq = new TreeMap<>();
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        continue;
      }
      try (Scanner sc = new Scanner(file, StandardCharsets.UTF_8)) { // ok: try-with-resources in a loop
        while (sc.hasNext()) {
          String w = sc.next().toLowerCase();
          if (w.equals("__end__")) {
            break;
          }
          freq.merge(w, 1, Integer::sum);
        }
      }
    }
    return freq;
  }

  public long transfer(Path from, Path to) throws IOException {
    try (FileChannel in = FileChannel.open(from); // ok: try-with-resources
        FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) { // ok: try-with-resources
      return in.transferTo(0, in.size(), out);
    }
  }

  public String exchange(String host, int port, String request) throws IOException {
    Socket socket = new Socket(host, port); // ok: Java 9 try (socket; reader) right after acquisition
    try (socket;
        BufferedReader reader =
            new BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      socket.getOutputStream().write((request + "\n").getBytes(StandardCharsets.UTF_8));
      return reader.readLine();
    }
  }

  public long buildInWorkspace(Path root, List<String> sources) throws IOException {
    try (TempWorkspace ws = new TempWorkspace(Files.createTempDirectory(root, "build"))) { // ok: try-with-resources on a user AutoCloseable
      for (String s : sources) {
        Files.writeString(ws.dir.resolve(s.hashCode() + ".java"), s);
      }
      try (Stream<Path> listing = Files.list(ws.dir)) { // ok: nested try-with-resources
        return listing.count();
      }
    }
  }

  public int sumColumn(File csv, int column) throws IOException {
    int total = 0;
    try (BufferedReader r = new BufferedReader(new FileReader(csv, StandardCharsets.UTF_8))) { // ok: decorator chain in try-with-resources
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        total += Integer.parseInt(line.split(";")[column].trim());
      }
    }
    return total;
  }
}
