package testdata.resourceleakonexception;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Release packaging that closes archives only when nothing fails. */
public class PositiveArchiveOnException {

  public String implementationVersion(File jarFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    JarFile jar = new JarFile(jarFile); // leak: getManifest can throw before close
    Manifest mf = jar.getManifest();
    jar.close();
    return mf == null ? null : mf.getMainAttributes().getValue("Implementation-Version");
  }

  public List<String> entryNames(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ZipInputStream zin = new ZipInputStream(Files.newInputStream(zip)); // leak: getNextEntry can throw before close
    for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
      names.add(e.getName());
    }
    zin.close();
    return names;
  }

  public void bundle(List<Path> files, Path target) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(target)); // leak: putNextEntry/copy can throw before close
    for (Path f : files) {
      zout.putNextEntry(new ZipEntry(f.getFileName().toString()));
      Files.copy(f, zout);
      zout.closeEntry();
    }
    zout.close();
  }

  public List<Path> jarsIn(Path dir) throws IOException {
    List<Path> jars = new ArrayList<>();
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar"); // leak: Files.size can throw inside the loop before close
    for (Path p : ds) {
      if (Files.size(p) > 0) {
        jars.add(p);
      }
    }
    ds.close();
    return jars;
  }

  public long totalSize(Path dir) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    Stream<Path> files = Files.list(dir); // leak: checkAccess can throw before close
    dir.getFileSystem().provider().checkAccess(dir);
    long total = files.mapToLong(p -> p.toFile().length()).sum();
    files.close();
    return total;
  }

  public byte[] readFromZip(Path zip, String entry) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    FileSystem fs = FileSystems.newFileSystem(zip); // leak: readAllBytes can throw before close
    byte[] data = Files.readAllBytes(fs.getPath(entry));
    fs.close();
    return data;
  }

  public byte[] checksumOfEntry(File jarFile, String entry) throws IOException {
    try (JarFile jar = new JarFile(jarFile)) { // ok: try-with-resources
      ZipEntry e = jar.getEntry(entry);
      if (e == null) {
        return new byte[0];
      }
      try (InputStream in = jar.getInputStream(e)) { // ok: try-with-resources
        return java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      } catch (java.security.NoSuchAlgorithmException ex) {
        throw new IllegalStateException(ex);
      }
    }
  }
}
