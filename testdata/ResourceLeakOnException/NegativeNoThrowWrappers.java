package testdata.resourceleakonexception;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Archive tooling whose calls declare {@code IOException} but cannot throw it: the one-argument
 * {@code JarOutputStream} constructor only stores its stream, and closing or writing to an
 * in-memory stream does no I/O.
 */
public class NegativeNoThrowWrappers {

  public void repack(Path to, byte[] manifest) throws IOException {
    try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(to))) { // ok: JarOutputStream(OutputStream) cannot throw, so the file stream is never left behind
      jos.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
      jos.write(manifest);
      jos.closeEntry();
    }
  }

  public void copyInto(File target, InputStream entries) throws IOException {
    OutputStream out = new FileOutputStream(target); // ok: the wrapper's constructor cannot throw and its close() releases the file
    JarOutputStream jar = new JarOutputStream(out);
    try {
      entries.transferTo(jar);
    } finally {
      jar.close();
    }
  }

  public byte[] snapshot(Path log, byte[] header) throws IOException {
    InputStream in = Files.newInputStream(log); // ok: the in-memory writes cannot throw before the try
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    buffer.write(header);
    buffer.flush();
    try {
      in.transferTo(buffer);
    } finally {
      in.close();
    }
    buffer.close();
    return buffer.toByteArray();
  }

  public String describe(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file); // ok: closing a StringWriter does nothing and cannot throw
    StringWriter text = new StringWriter();
    text.write(file.toString());
    text.close();
    try {
      out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } finally {
      out.close();
    }
    return text.toString();
  }
}
