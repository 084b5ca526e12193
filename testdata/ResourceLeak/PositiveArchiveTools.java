package testdata.resourceleak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Packaging helpers of a build tool: listing, extracting and creating archives. */
public class PositiveArchiveTools {

  public List<String> listEntries(File archive) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ZipFile zip = new ZipFile(archive); // leak: zip file never closed
    return zip.stream().map(ZipEntry::getName).toList();
  }

  public Manifest readManifest(File jar) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    JarFile jf = new JarFile(jar); // leak: manifest returned, jar file never closed
    return jf.getManifest();
  }

  public boolean containsClass(Path archive, String className) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ZipInputStream zin = new ZipInputStream(Files.newInputStream(archive)); // leak: early return when the class is found
    String wanted = className.replace('.', '/') + ".class";
    for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
      if (e.getName().equals(wanted)) {
        return true;
      }
    }
    zin.close();
    return false;
  }

  public void packageDirectory(Path dir, Path target, Manifest manifest) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target), manifest); // leak: finish() does not close the file
    try (Stream<Path> files = Files.walk(dir)) { // ok: try-with-resources
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new JarEntry(dir.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, jar);
        jar.closeEntry();
      }
    }
    jar.finish();
  }

  public void extract(File archive, Path destDir) throws IOException {
    try (ZipFile zip = new ZipFile(archive)) { // ok: try-with-resources
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path dest = destDir.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(dest);
          continue;
        }
        // BUG: Diagnostic contains: [ResourceLeak]
        OutputStream out = Files.newOutputStream(dest); // leak: each extracted file's stream is never closed
        zip.getInputStream(entry).transferTo(out); // ok: entry stream released by closing the ZipFile
      }
    }
  }

  public int countClasses(File jarFile, boolean includeTests) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    JarFile jar = new JarFile(jarFile); // leak: closed only when tests are excluded
    long count = jar.stream().filter(e -> e.getName().endsWith(".class")).count();
    if (includeTests) {
      return (int) count;
    }
    long tests = jar.stream().filter(e -> e.getName().endsWith("Test.class")).count();
    jar.close();
    return (int) (count - tests);
  }

  public void zipSingle(Path source, Path target) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(target)); // leak: closeEntry/finish do not close the file
    zout.putNextEntry(new ZipEntry(source.getFileName().toString()));
    try (InputStream in = Files.newInputStream(source)) { // ok: try-with-resources
      in.transferTo(zout);
    }
    zout.closeEntry();
    zout.finish();
  }

  public byte[] readEntry(Path archive, String name) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) { // ok: try-with-resources
      ZipEntry e = zip.getEntry(name);
      return e == null ? null : zip.getInputStream(e).readAllBytes(); // ok: entry stream released by closing the ZipFile
    }
  }
}
