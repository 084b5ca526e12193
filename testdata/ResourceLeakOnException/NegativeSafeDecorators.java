package testdata.resourceleakonexception;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Scanner;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Import/export code whose wrapper constructors cannot leak the underlying file. */
public class NegativeSafeDecorators {

  record Checkpoint(long offset, String file) implements Serializable {}

  public List<String> readLines(File file) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(file), StandardCharsets.UTF_8))) { // ok: BufferedReader and InputStreamReader(Charset) constructors do not throw
      return r.lines().toList();
    }
  }

  public void writeRows(File file, List<String> rows) throws IOException {
    try (PrintWriter w = new PrintWriter(new OutputStreamWriter(new FileOutputStream(file), StandardCharsets.UTF_8))) { // ok: PrintWriter and OutputStreamWriter(Charset) constructors do not throw
      rows.forEach(w::println);
    }
  }

  public Object readCheckpoint(File file) throws IOException, ClassNotFoundException {
    try (FileInputStream fin = new FileInputStream(file); // ok: declared as its own try-with-resources resource
        ObjectInputStream ois = new ObjectInputStream(fin)) {
      return ois.readObject();
    }
  }

  public void writeCheckpoint(Path file, Checkpoint cp) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file); // ok: declared as its own try-with-resources resource
        ObjectOutputStream oos = new ObjectOutputStream(new BufferedOutputStream(raw))) {
      oos.writeObject(cp);
    }
  }

  public long countGzLines(Path gz) throws IOException {
    InputStream raw = Files.newInputStream(gz); // ok: closed by the catch if GZIPInputStream throws, otherwise through the reader
    GZIPInputStream unzipped;
    try {
      unzipped = new GZIPInputStream(raw);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(unzipped, StandardCharsets.UTF_8))) {
      return r.lines().count();
    }
  }

  public void compress(Path src, Path dst) throws IOException {
    try (InputStream in = Files.newInputStream(src); // ok: try-with-resources
        OutputStream fileOut = Files.newOutputStream(dst); // ok: try-with-resources, separate from the GZIP wrapper
        GZIPOutputStream gz = new GZIPOutputStream(fileOut)) {
      in.transferTo(gz);
    }
  }

  public int readVersion(File file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file)))) { // ok: Data/Buffered constructors do not throw
      return in.readInt();
    }
  }

  public void writeVersion(File file, int version) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(file)))) { // ok: Data/Buffered constructors do not throw
      out.writeInt(version);
    }
  }

  public int countEntries(Path zip) throws IOException {
    int n = 0;
    try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) { // ok: ZipInputStream constructor does not throw
      while (zin.getNextEntry() != null) {
        n++;
      }
    }
    return n;
  }

  public void zipOne(Path src, Path dst) throws IOException {
    try (ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(dst))) { // ok: ZipOutputStream constructor does not throw
      zout.putNextEntry(new ZipEntry(src.getFileName().toString()));
      Files.copy(src, zout);
      zout.closeEntry();
    }
  }

  public byte[] sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), md)) { // ok: DigestInputStream constructor does not throw
      in.transferTo(OutputStream.nullOutputStream());
    }
    return md.digest();
  }

  public int sumInts(File file) throws IOException {
    int sum = 0;
    try (Scanner sc = new Scanner(new FileInputStream(file), "UTF-8")) { // ok: Scanner(InputStream, String) throws only IllegalArgumentException (unchecked)
      while (sc.hasNextInt()) {
        sum += sc.nextInt();
      }
    }
    return sum;
  }

  public String readSmallFile(File file) throws IOException {
    try (BufferedReader r = new BufferedReader(new FileReader(file, StandardCharsets.UTF_8), 1024)) { // ok: the buffer-size check is an unchecked exception
      return r.readLine();
    }
  }

  public void writeUtf8(Path file, String text) throws IOException {
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) { // ok: Charset-based constructor does not throw
      w.write(text);
    }
  }
}
