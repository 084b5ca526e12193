package testdata.resourceleakonexception;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A session-snapshot cache: wrappers whose constructors read or write headers and can throw. */
public class PositiveThrowingDecorators {

  record Snapshot(String user, List<String> openTabs) implements Serializable {}

  public Object readSnapshot(File file) throws IOException, ClassNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (ObjectInputStream ois = new ObjectInputStream(new FileInputStream(file))) { // leak: FileInputStream leaks if the stream header is corrupt
      return ois.readObject();
    }
  }

  public void writeSnapshot(File file, Snapshot snapshot) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (ObjectOutputStream oos = new ObjectOutputStream(new BufferedOutputStream(new FileOutputStream(file)))) { // leak: FileOutputStream leaks if writing the header fails
      oos.writeObject(snapshot);
    }
  }

  public long countLines(Path gzLog) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gzLog)), StandardCharsets.UTF_8))) { // leak: file stream leaks if the GZIP header is invalid
      return r.lines().count();
    }
  }

  public void archiveLog(Path target, List<String> lines) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(new FileOutputStream(target.toFile())), StandardCharsets.UTF_8)) { // leak: file stream leaks if writing the GZIP header fails
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  public String readLegacy(File file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (Reader r = new InputStreamReader(new FileInputStream(file), "windows-1252")) { // leak: UnsupportedEncodingException leaves the file open
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[4096];
      for (int n; (n = r.read(buf)) != -1; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }

  public Manifest jarManifest(Path jar) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (JarInputStream jin = new JarInputStream(new BufferedInputStream(Files.newInputStream(jar)))) { // leak: JarInputStream reads the manifest in its constructor
      return jin.getManifest();
    }
  }

  public void writeJar(Path target, Manifest manifest) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    try (JarOutputStream jout = new JarOutputStream(Files.newOutputStream(target), manifest)) { // leak: writing the manifest in the constructor can throw
      jout.finish();
    }
  }

  public Object request(String host, int port, Serializable query) throws IOException, ClassNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Socket s = new Socket(host, port); // leak: ObjectOutputStream constructor can throw before the try
    ObjectOutputStream out = new ObjectOutputStream(s.getOutputStream());
    try (out) {
      out.writeObject(query);
      out.flush();
      ObjectInputStream in = new ObjectInputStream(s.getInputStream());
      return in.readObject();
    }
  }

  public Object load(Path file) throws IOException, ClassNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream raw = Files.newInputStream(file); // leak: the GZIP and Object stream constructors can throw before the try
    ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(raw));
    try (in) {
      return in.readObject();
    }
  }

  public void openReport(File target, String title) throws IOException {
    // UTF-8 is supported on every platform, so the charset-name constructor cannot throw here.
    try (PrintStream ps = new PrintStream(new FileOutputStream(target), true, "UTF-8")) { // ok: standard charset literal cannot fail
      ps.println(title);
    }
  }

  public byte[] compress(Path file) throws IOException {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(); // ok: not a resource (ByteArrayOutputStream)
    try (InputStream in = Files.newInputStream(file); // ok: try-with-resources
        OutputStream gz = new GZIPOutputStream(buffer)) {
      in.transferTo(gz);
    }
    return buffer.toByteArray();
  }
}
