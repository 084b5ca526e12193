package testdata.resourceleak;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Disk usage and housekeeping utilities built on java.nio.file. */
public class PositiveFileSystemScans {

  public long countLogLines(Path log) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return Files.lines(log).filter(l -> !l.isBlank()).count(); // leak: stream pipeline never closed
  }

  public List<Path> listJsonFiles(Path dir) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    return Files.list(dir).filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList()); // leak: directory stream not closed after collect
  }

  public long diskUsage(Path root) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Stream<Path> tree = Files.walk(root); // leak: walk stream never closed
    return tree.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
  }

  public Optional<Path> findNewestBackup(Path dir) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Stream<Path> hits = Files.find(dir, 3, (p, attrs) -> attrs.isRegularFile() && p.toString().endsWith(".bak")); // leak: find stream never closed
    return hits.max(Comparator.comparingLong(p -> p.toFile().lastModified()));
  }

  public int countLockFiles(Path dir) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.lock"); // leak: early return on an empty lock file
    int n = 0;
    for (Path p : ds) {
      if (p.toFile().length() == 0) {
        return -1;
      }
      n++;
    }
    ds.close();
    return n;
  }

  public long checksumHead(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); // leak: channel never closed
    ByteBuffer head = ByteBuffer.allocate(512);
    ch.read(head);
    head.flip();
    CRC32 crc = new CRC32();
    crc.update(head);
    return crc.getValue();
  }

  public List<String> zipEntryNames(Path zip) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileSystem fs = FileSystems.newFileSystem(zip); // leak: zip file system never closed
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.walk(fs.getPath("/"))) { // ok: try-with-resources
      s.forEach(p -> names.add(p.toString()));
    }
    return names;
  }

  public void preallocate(File file, long size) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    FileChannel ch = new RandomAccessFile(file, "rw").getChannel(); // leak: neither the file nor its channel is closed
    ch.write(ByteBuffer.allocate(1), size - 1);
  }

  public List<String> readAll(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) { // ok: try-with-resources
      return lines.map(String::strip).toList();
    }
  }

  public boolean hasSubdirectories(Path dir) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Stream<Path> children = Files.list(dir); // leak: anyMatch does not close the stream
    return children.anyMatch(Files::isDirectory);
  }
}
