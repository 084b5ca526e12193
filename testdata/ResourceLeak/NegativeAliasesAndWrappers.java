package testdata.resourceleak;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Chat client and archive verifier: each resource is released through an alias or wrapper. */
public class NegativeAliasesAndWrappers {

  public String chat(String host, int port, String message) throws IOException {
    Socket socket = new Socket(host, port); // ok: closed through the reader, or directly if the reader was never built
    BufferedReader in = null;
    try {
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      socket.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
      return in.readLine();
    } finally {
      if (in != null) {
        in.close();
      } else {
        socket.close();
      }
    }
  }

  public void post(String host, int port, String body) throws IOException {
    Socket socket = new Socket(host, port); // ok: Java 9 try (socket; writer)
    try (socket;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8))) {
      out.print("POST /events HTTP/1.0\r\n\r\n");
      out.print(body);
    }
  }

  public void sendRaw(String host, int port, byte[] frame) throws IOException {
    Socket socket = new Socket(host, port); // ok: closed via its output stream, or directly when I/O fails
    try {
      OutputStream out = socket.getOutputStream();
      out.write(frame);
      out.close();
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  public long verifyCrc(File archive) throws IOException {
    long combined = 0;
    try (ZipFile zip = new ZipFile(archive)) { // ok: try-with-resources; entry streams are released with it
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        CheckedInputStream in = new CheckedInputStream(zip.getInputStream(e), new CRC32()); // ok: entry stream released by closing the ZipFile
        in.transferTo(OutputStream.nullOutputStream());
        combined ^= in.getChecksum().getValue();
      }
    }
    return combined;
  }

  public String mainClass(File jarFile) throws IOException {
    JarFile jar = new JarFile(jarFile); // ok: closed in finally
    try {
      JarEntry manifest = jar.getJarEntry("META-INF/MANIFEST.MF");
      if (manifest == null) {
        return null;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(jar.getInputStream(manifest), StandardCharsets.UTF_8)); // ok: entry stream released by closing the JarFile
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("Main-Class:")) {
          return line.substring("Main-Class:".length()).trim();
        }
      }
      return null;
    } finally {
      jar.close();
    }
  }

  public void writeHeader(File target, int version) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(target))); // ok: closing the outer stream closes the file
    try {
      out.writeInt(0xCAFE);
      out.writeInt(version);
    } finally {
      out.close();
    }
  }

  public int firstByte(File file) throws IOException {
    FileInputStream raw = new FileInputStream(file); // ok: closed through the wrapper
    InputStream in = new BufferedInputStream(raw);
    try {
      return in.read();
    } finally {
      in.close();
    }
  }

  public void writeViaChannel(Path file, String text) throws IOException {
    FileChannel ch = FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE); // ok: closing the channel writer closes the channel
    try (Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }

  public long copyWithInnerClose(Path src, Path dst) throws IOException {
    InputStream in = Files.newInputStream(src); // ok: closed in finally (inner stream, wrapper needs no close)
    try {
      BufferedInputStream buffered = new BufferedInputStream(in);
      return Files.copy(buffered, dst);
    } finally {
      in.close();
    }
  }

  public String readThenCloseSocket(String host, int port) throws IOException {
    Socket socket = new Socket(host, port); // ok: closed in finally; the reader is released with it
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return in.readLine();
    } finally {
      socket.close();
    }
  }
}
