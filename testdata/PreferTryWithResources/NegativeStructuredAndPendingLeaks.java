package testdata.prefertrywithresources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * A backup job: most resources already use try-with-resources, so there is nothing to suggest; one
 * is closed in a finally but a leak follows it in the same block, and that leak is fixed first.
 */
public class NegativeStructuredAndPendingLeaks {

  public String firstLine(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file)) { // ok: try-with-resources
      return r.readLine();
    }
  }

  public void archive(Path source, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(source); // ok: try-with-resources
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) { // ok: try-with-resources
      zip.putNextEntry(new ZipEntry(source.getFileName().toString()));
      in.transferTo(zip);
      zip.closeEntry();
    }
  }

  public long copyAll(Path source, OutputStream sink) throws IOException {
    InputStream in = Files.newInputStream(source); // ok: closed by try (in) below
    try (in) {
      return in.transferTo(sink);
    }
  }

  public int rowCount(DataSource ds, String table) throws SQLException {
    try (Connection c = ds.getConnection(); // ok: try-with-resources
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); // ok: try-with-resources
        ResultSet rs = ps.executeQuery()) { // ok: try-with-resources
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** The manifest is closed in a finally, but the copy opened after it leaks: that comes first. */
  public void backupWithManifest(Path manifest, Path data, Path target) throws IOException {
    BufferedReader r = Files.newBufferedReader(manifest); // ok: closed in the finally
    String header;
    try {
      header = r.readLine();
    } finally {
      r.close();
    }
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    OutputStream out = Files.newOutputStream(target); // leak: not closed if a write throws
    out.write((header + "\n").getBytes());
    Files.copy(data, out);
    out.close();
  }
}
