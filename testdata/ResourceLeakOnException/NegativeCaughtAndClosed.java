package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/** A CSV import job that handles its failures and always releases what it opened. */
public class NegativeCaughtAndClosed {

  private static final Logger LOG = Logger.getLogger(NegativeCaughtAndClosed.class.getName());

  public Properties load(File file) throws IOException {
    InputStream in = new FileInputStream(file); // ok: closed in the catch before rethrow and on the normal path
    Properties props = new Properties();
    try {
      props.load(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    in.close();
    return props;
  }

  public String header(Path csv) throws IOException {
    BufferedReader r = Files.newBufferedReader(csv); // ok: closed before the explicit throw and on the normal path
    String line;
    try {
      line = r.readLine();
    } catch (IOException e) {
      r.close();
      throw e;
    }
    if (line == null) {
      r.close();
      throw new IOException("empty CSV: " + csv);
    }
    r.close();
    return line;
  }

  public int importRows(Path report, List<String> rows) throws IOException {
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(report)); // ok: NumberFormatException is caught inside the loop
    int imported = 0;
    for (String row : rows) {
      try {
        int qty = Integer.parseInt(row.split(",")[0].trim());
        out.println("OK " + qty);
        imported++;
      } catch (NumberFormatException e) {
        out.println("SKIPPED " + row);
      }
    }
    out.close();
    return imported;
  }

  public void validateDates(File log, List<String> dates) throws IOException {
    PrintWriter w = new PrintWriter(log, StandardCharsets.UTF_8); // ok: the thrown ParseException is caught locally
    SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
    for (String d : dates) {
      try {
        if (d.isBlank()) {
          throw new ParseException("blank date", 0);
        }
        Date parsed = fmt.parse(d);
        w.println(d + " -> " + parsed.getTime());
      } catch (ParseException e) {
        w.println("invalid: " + d);
      }
    }
    w.close();
  }

  public long appendOrFail(Path journal, byte[] record) throws IOException {
    FileChannel ch = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND); // ok: every exit closes it
    try {
      long written = ch.write(java.nio.ByteBuffer.wrap(record));
      if (written != record.length) {
        throw new IOException("short write");
      }
      return written;
    } finally {
      ch.close();
    }
  }

  public void writeAll(Path target, List<String> lines) {
    try (BufferedWriter w = Files.newBufferedWriter(target)) { // ok: try-with-resources covers the rethrow
      for (String l : lines) {
        if (l.contains("\u0000")) {
          throw new IllegalArgumentException("NUL in line");
        }
        w.write(l);
        w.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean tryLoad(File file, Properties into) {
    InputStream in = null;
    try {
      in = new FileInputStream(file); // ok: closed in finally, exceptions handled in catch
      into.load(in);
      return true;
    } catch (IOException e) {
      LOG.warning("cannot load " + file + ": " + e.getMessage());
      return false;
    } finally {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // already reported
        }
      }
    }
  }

  public String probe(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: catch(Exception) closes it on any failure, normal path closes it
    try {
      byte[] head = in.readNBytes(8);
      in.close();
      return new String(head, StandardCharsets.ISO_8859_1);
    } catch (Exception e) {
      in.close();
      throw e;
    }
  }
}
