package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/** Nightly backup jobs written in modern Java. */
public class PositiveBackupJobs {

  sealed interface Target permits LocalTarget, ArchiveTarget {}

  record LocalTarget(Path dir) implements Target {}

  record ArchiveTarget(Path zip) implements Target {}

  private static final String EXPORT_SQL = """
      SELECT id, payload
        FROM event
       WHERE created >= CURRENT_DATE - 1
       ORDER BY id
      """;

  private final DataSource dataSource;

  public PositiveBackupJobs(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void backup(Path source, Target target) throws IOException {
    if (target instanceof LocalTarget(Path dir)) {
      try (InputStream in = Files.newInputStream(source)) { // ok: try-with-resources
        Files.copy(in, dir.resolve(source.getFileName()));
      }
    } else if (target instanceof ArchiveTarget(Path zip)) {
      // BUG: Diagnostic contains: [ResourceLeak]
      ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(zip)); // leak: finished but never closed
      zout.putNextEntry(new ZipEntry(source.getFileName().toString()));
      Files.copy(source, zout);
      zout.closeEntry();
      zout.finish();
    }
  }

  public long exportEvents(Path target) throws SQLException, IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Connection c = dataSource.getConnection(); // leak: the export connection is never closed
    try (PreparedStatement ps = c.prepareStatement(EXPORT_SQL); // ok: try-with-resources
        ResultSet rs = ps.executeQuery(); // ok: try-with-resources
        var out = Files.newBufferedWriter(target)) { // ok: try-with-resources
      long n = 0;
      while (rs.next()) {
        out.write(rs.getLong(1) + "\t" + rs.getString(2));
        out.newLine();
        n++;
      }
      return n;
    }
  }

  public void verify(List<Path> backups) throws IOException {
    for (var backup : backups) {
      // BUG: Diagnostic contains: [ResourceLeak]
      var ch = FileChannel.open(backup, StandardOpenOption.READ); // leak: a zero-size backup skips the close via continue
      if (ch.size() == 0) {
        System.err.println("empty backup " + backup);
        continue;
      }
      ch.close();
    }
  }

  public List<Path> staleBackups(Path dir, long maxAgeMillis) throws IOException {
    long now = System.currentTimeMillis();
    // BUG: Diagnostic contains: [ResourceLeak]
    Stream<Path> files = Files.list(dir); // leak: toList() does not close the stream
    return files.filter(p -> now - p.toFile().lastModified() > maxAgeMillis).toList();
  }

  public String lastBackupName(Path indexFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedReader r = Files.newBufferedReader(indexFile); // leak: the reader is read to the end and dropped
    String last = null;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      last = line;
    }
    return last;
  }

  public void mirror(Path source, List<Path> targets) throws IOException {
    byte[] data;
    try (InputStream in = Files.newInputStream(source)) { // ok: try-with-resources
      data = in.readAllBytes();
    }
    for (Path t : targets) {
      // BUG: Diagnostic contains: [ResourceLeak]
      OutputStream out = Files.newOutputStream(t); // leak: each mirror stream is written and never closed
      out.write(data);
    }
  }
}
