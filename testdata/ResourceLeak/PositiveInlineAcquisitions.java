package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Scanner;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/** One-liners from a DevOps helper script: each resource is opened inline and dropped. */
public class PositiveInlineAcquisitions {

  public String slurp(String path) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return new Scanner(new File(path), StandardCharsets.UTF_8).useDelimiter("\\Z").next(); // leak: classic read-whole-file idiom never closes the Scanner
  }

  public String readText(File f) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return new String(new FileInputStream(f).readAllBytes(), StandardCharsets.UTF_8); // leak: anonymous stream never closed
  }

  public byte[] readBytes(Path p) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return Files.newInputStream(p).readAllBytes(); // leak: anonymous stream never closed
  }

  public List<String> nonEmptyLines(File f) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return new BufferedReader(new FileReader(f)).lines().filter(l -> !l.isBlank()).collect(Collectors.toList()); // leak: reader never closed
  }

  public int entryCount(File archive) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return new ZipFile(archive).size(); // leak: zip file never closed
  }

  public void printTree(Path root) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Files.walk(root).forEach(p -> System.out.println(root.relativize(p))); // leak: walk stream never closed
  }

  public long fileLength(File f) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return new RandomAccessFile(f, "r").length(); // leak: random access file never closed
  }

  public void runSql(String url, String sql) throws SQLException {
    // BUG: Diagnostic contains: [ResourceLeak]
    DriverManager.getConnection(url).createStatement().execute(sql); // leak: connection (and its statement) never closed
  }

  public void poke(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    new Socket(host, port).getOutputStream().write('\n'); // leak: socket never closed
  }

  public boolean hasContent(String path) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return new File(path).isFile() && new FileInputStream(path).read() != -1; // leak: stream opened in a condition, never closed
  }

  public String firstLine(Path p) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return Files.newBufferedReader(p).readLine(); // leak: reader never closed
  }

  public long jsonFiles(Path dir) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return Files.list(dir).filter(p -> p.toString().endsWith(".json")).count(); // leak: directory listing never closed
  }

  public String readSafely(Path p) throws IOException {
    try (var in = Files.newInputStream(p)) { // ok: try-with-resources
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
