package testdata.unclosedresourcefield;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Scanner;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Classes that open a resource at construction and later replace it without releasing the old one. */
public class PositiveFieldOverwrites {

  /** A rolling request log: rotate() replaces the writer without closing it. */
  static final class RequestLog implements Closeable {
    private Writer out; // ok: the current writer is closed in close()

    RequestLog(Path file) throws IOException {
      this.out =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void append(String line) throws IOException {
      out.write(line);
      out.write('\n');
    }

    void rotate(Path next) throws IOException {
      out.flush();
      // BUG: Diagnostic contains: [UnclosedResourceField]
      out = Files.newBufferedWriter(next, StandardCharsets.UTF_8); // leak: the previous writer is still open
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Compresses payloads; changing the level replaces the Deflater without ending it. */
  static final class PayloadCompressor implements AutoCloseable {
    private Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);

    void setLevel(int level) {
      // BUG: Diagnostic contains: [UnclosedResourceField]
      deflater = new Deflater(level); // leak: the Deflater created by the field initializer is never ended
    }

    byte[] compress(byte[] input) {
      deflater.reset();
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }

    @Override
    public void close() {
      deflater.end();
    }
  }

  /** Reads a segmented log; switching segments keeps the old channel open when asked to. */
  static final class SegmentReader implements Closeable {
    private FileChannel segment;

    SegmentReader(Path first) throws IOException {
      this.segment = FileChannel.open(first, StandardOpenOption.READ);
    }

    int read(ByteBuffer into) throws IOException {
      return segment.read(into);
    }

    void switchTo(Path next, boolean keepPrevious) throws IOException {
      if (!keepPrevious) {
        segment.close();
      }
      // BUG: Diagnostic contains: [UnclosedResourceField]
      segment = FileChannel.open(next, StandardOpenOption.READ); // leak: overwrites the open segment when keepPrevious is set
    }

    @Override
    public void close() throws IOException {
      segment.close();
    }
  }

  /** Iterates a word list; reset() starts over with a new scanner and loses the old one. */
  static final class WordListCursor implements AutoCloseable {
    private final Path source;
    private Scanner words;

    WordListCursor(Path source) throws IOException {
      this.source = source;
      this.words = new Scanner(source, StandardCharsets.UTF_8);
    }

    String next() {
      return words.hasNext() ? words.next() : null;
    }

    void reset() throws IOException {
      // BUG: Diagnostic contains: [UnclosedResourceField]
      words = new Scanner(source, StandardCharsets.UTF_8); // leak: the old scanner's file stays open
    }

    @Override
    public void close() {
      words.close();
    }
  }

  /** A catalog backed by a zip archive; reload() swaps in a freshly opened archive. */
  static final class ZipCatalog implements Closeable {
    private ZipFile archive;

    ZipCatalog(File file) throws IOException {
      ZipFile opened = new ZipFile(file);
      this.archive = opened;
    }

    boolean contains(String name) {
      ZipEntry e = archive.getEntry(name);
      return e != null;
    }

    void reload(File file) throws IOException {
      ZipFile fresh = new ZipFile(file);
      // BUG: Diagnostic contains: [UnclosedResourceField]
      archive = fresh; // leak: the previous archive is never closed
    }

    @Override
    public void close() throws IOException {
      archive.close();
    }
  }

  /** An export target whose setter replaces the output opened by the constructor. */
  static final class ExportTarget implements Closeable {
    private OutputStream out;

    ExportTarget(File initial) throws IOException {
      this.out = new FileOutputStream(initial);
    }

    public void setOutput(File file) throws IOException {
      // BUG: Diagnostic contains: [UnclosedResourceField]
      this.out = new FileOutputStream(file); // leak: the stream opened by the constructor is dropped
    }

    void export(byte[] record) throws IOException {
      out.write(record);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Reads a multi-part upload; advancing to the next part drops the current part's stream. */
  static final class MultiPartReader implements Closeable {
    private final List<File> parts;
    private int index;
    private InputStream current;

    MultiPartReader(List<File> parts) throws IOException {
      this.parts = parts;
      this.current = new FileInputStream(parts.get(0));
      this.index = 1;
    }

    int read() throws IOException {
      int b = current.read();
      while (b < 0 && index < parts.size()) {
        // BUG: Diagnostic contains: [UnclosedResourceField]
        current = new FileInputStream(parts.get(index++)); // leak: the exhausted part is never closed
        b = current.read();
      }
      return b;
    }

    @Override
    public void close() throws IOException {
      current.close();
    }
  }
}
