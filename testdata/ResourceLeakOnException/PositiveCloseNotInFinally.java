package testdata.resourceleakonexception;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A settings and export module that closes resources on the happy path only. */
public class PositiveCloseNotInFinally {

  private static final Logger LOG = Logger.getLogger(PositiveCloseNotInFinally.class.getName());

  record LedgerRow(String account, long cents) {
    String toCsv() {
      return account + "," + cents;
    }
  }

  public void copy(File src, File dst) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileInputStream in = new FileInputStream(src); // leak: opening the output or copying can throw before close
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileOutputStream out = new FileOutputStream(dst); // leak: transferTo can throw before close
    in.transferTo(out);
    out.close();
    in.close();
  }

  public Properties load(Path settings) throws IOException {
    Properties props = new Properties();
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = Files.newInputStream(settings); // leak: Properties.load can throw before close
    props.load(in);
    in.close();
    return props;
  }

  public void writeLedger(Path target, List<LedgerRow> rows) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8); // leak: write can throw before close
    w.write("account,cents");
    w.newLine();
    for (LedgerRow r : rows) {
      w.write(r.toCsv());
      w.newLine();
    }
    w.close();
  }

  public String readToken(File tokenFile) {
    try {
      // BUG: Diagnostic contains: [ResourceLeakOnException]
      BufferedReader r = new BufferedReader(new FileReader(tokenFile)); // leak: the catch block does not close it
      String token = r.readLine();
      r.close();
      return token;
    } catch (IOException e) {
      LOG.warning("cannot read token: " + e);
      return null;
    }
  }

  public void appendRecord(File journal, byte[] record) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    RandomAccessFile raf = new RandomAccessFile(journal, "rw"); // leak: seek can throw before the try block
    raf.seek(raf.length());
    try {
      raf.write(record);
    } finally {
      raf.close();
    }
  }

  public String firstHeader(File csv) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    BufferedReader reader = new BufferedReader(new FileReader(csv)); // leak: readLine runs before try (reader)
    String header = reader.readLine();
    try (reader) {
      return header == null ? null : header + " / " + reader.readLine();
    }
  }

  public void syncAll(List<Path> files) {
    files.forEach(f -> {
      try {
        // BUG: Diagnostic contains: [ResourceLeakOnException]
        FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE); // leak: force can throw before close
        ch.force(true);
        ch.close();
      } catch (IOException e) {
        LOG.warning("sync failed for " + f + ": " + e);
      }
    });
  }

  public byte[] manifest(File archive) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ZipFile zf = new ZipFile(archive); // leak: reading the entry can throw before close
    ZipEntry e = zf.getEntry("META-INF/MANIFEST.MF");
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    byte[] data = e == null ? new byte[0] : zf.getInputStream(e).readAllBytes(); // leak: the entry stream goes with the ZipFile, which leaks if reading throws
    zf.close();
    return data;
  }

  public long writeBlock(Path file, ByteBuffer block) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND); // leak: write can throw before close
    long written = ch.write(block);
    ch.close();
    return written;
  }

  public long size(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) { // ok: try-with-resources
      return ch.size();
    }
  }
}
