package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A media catalog scanner: each path through these methods releases what it opened. */
public class NegativeBranchesAllClose {

  enum Kind { IMAGE, VIDEO, OTHER }

  public Optional<String> title(File metadata) throws IOException {
    BufferedReader r = new BufferedReader(new FileReader(metadata, StandardCharsets.UTF_8)); // ok: closed on both branches in finally
    try {
      String line = r.readLine();
      if (line == null || !line.startsWith("title=")) {
        return Optional.empty();
      }
      return Optional.of(line.substring(6));
    } finally {
      r.close();
    }
  }

  public Kind classify(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: closed in the catch if read fails, otherwise by every switch arm
    int first;
    try {
      first = in.read();
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return switch (first) {
      case 0xFF -> {
        in.close();
        yield Kind.IMAGE;
      }
      case 0x00 -> {
        in.close();
        yield Kind.VIDEO;
      }
      default -> {
        in.close();
        yield Kind.OTHER;
      }
    };
  }

  public List<String> readableNames(List<Path> files) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path p : files) {
      InputStream in = Files.newInputStream(p); // ok: closed on failure, before continue and at the end of each iteration
      boolean empty;
      try {
        empty = in.read() == -1;
      } catch (IOException e) {
        in.close();
        throw e;
      }
      if (empty) {
        in.close();
        continue;
      }
      names.add(p.getFileName().toString());
      in.close();
    }
    return names;
  }

  public long firstLargeFile(List<File> files, long threshold) throws IOException {
    long found = -1;
    for (File f : files) {
      RandomAccessFile raf = new RandomAccessFile(f, "r"); // ok: finally runs on break as well
      try {
        long len = raf.length();
        if (len > threshold) {
          found = len;
          break;
        }
      } finally {
        raf.close();
      }
    }
    return found;
  }

  public void writeAll(List<Path> targets, String content) throws IOException {
    Writer w = null;
    try {
      for (Path target : targets) {
        if (w != null) {
          w.close();
        }
        w = Files.newBufferedWriter(target); // ok: previous writer closed before reassignment, last one in finally
        w.write(content);
      }
    } finally {
      if (w != null) {
        w.close();
      }
    }
  }

  public long countBytes(String name) throws IOException {
    InputStream in = "-".equals(name) ? System.in : new FileInputStream(name); // ok: closed in finally unless it is System.in
    try {
      return in.transferTo(OutputStream.nullOutputStream());
    } finally {
      if (in != System.in) {
        in.close();
      }
    }
  }

  public byte[] loadAsset(String kind, String name) throws IOException {
    InputStream in;
    switch (kind) {
      case "classpath":
        in = getClass().getResourceAsStream("/assets/" + name); // ok: closed by try (in) below
        break;
      case "file":
        in = new FileInputStream(name); // ok: closed by try (in) below
        break;
      default:
        throw new IllegalArgumentException("unknown asset kind " + kind);
    }
    if (in == null) {
      return new byte[0];
    }
    try (in) {
      return in.readAllBytes();
    }
  }

  public int countThumbnails(Path dir) throws IOException {
    int count = 0;
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.thumb"); // ok: closed in finally despite early return
    try {
      for (Path p : ds) {
        if (Files.size(p) == 0) {
          return -1;
        }
        count++;
      }
    } finally {
      ds.close();
    }
    return count;
  }

  public boolean truncateIfLarge(Path file, long max) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) { // ok: try-with-resources
      if (ch.size() <= max) {
        return false;
      }
      ch.truncate(max);
      return true;
    }
  }

  public String headerOrNull(Path file, boolean enabled) throws IOException {
    if (!enabled) {
      return null;
    }
    BufferedReader r = Files.newBufferedReader(file); // ok: acquired after the early return, closed in finally
    try {
      return r.readLine();
    } finally {
      r.close();
    }
  }

  public void writeSummary(Path file, List<String> items, boolean verbose) throws IOException {
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(file)); // ok: both branches close it and PrintWriter methods throw no IOException
    if (verbose) {
      items.forEach(out::println);
      out.close();
    } else {
      out.println(items.size() + " items");
      out.close();
    }
  }

  public void sendThumbnail(String host, byte[] png) throws IOException {
    Socket socket = new Socket(host, 7070); // ok: the close is skipped only where isClosed() says it is closed
    try {
      socket.getOutputStream().write(png);
    } finally {
      if (!socket.isClosed()) {
        socket.close();
      }
    }
  }

  public long indexSize(Path index) throws IOException {
    FileChannel ch = FileChannel.open(index); // ok: closed wherever isOpen() says it is still open
    try {
      return ch.size();
    } finally {
      if (ch.isOpen()) {
        ch.close();
      }
    }
  }

  public int countRows(Connection c, String table) throws SQLException {
    Statement st = c.createStatement(); // ok: closed unless it already is
    try {
      ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table);
      return rs.next() ? rs.getInt(1) : 0;
    } finally {
      if (st != null && !st.isClosed()) {
        st.close();
      }
    }
  }
}
