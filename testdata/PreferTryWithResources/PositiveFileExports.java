package testdata.prefertrywithresources;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A report exporter that closes its files, archives and sockets by hand in finally blocks. None of
 * them leaks; each could be a try-with-resources with the same behaviour.
 */
public class PositiveFileExports {

  public void exportCsv(Path target, List<String[]> rows) throws IOException {
    // BUG: Diagnostic contains: [PreferTryWithResources]
    BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8); // ok: closed in the finally
    try {
      for (String[] row : rows) {
        out.write(String.join(",", row));
        out.newLine();
      }
    } finally {
      out.close();
    }
  }

  public String readHeader(Path file) throws IOException {
    BufferedReader in = null;
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      in = Files.newBufferedReader(file); // ok: closed in the finally when it was opened
      return in.readLine();
    } finally {
      if (in != null) {
        in.close();
      }
    }
  }

  public void convertSemicolons(Path source, File target) throws IOException {
    Scanner in = null;
    PrintWriter out = null;
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      in = new Scanner(source); // ok: closed last in the finally
      // BUG: Diagnostic contains: [PreferTryWithResources]
      out = new PrintWriter(target); // ok: closed first, and PrintWriter.close() throws nothing
      while (in.hasNextLine()) {
        out.println(in.nextLine().replace(';', ','));
      }
    } finally {
      if (out != null) {
        out.close();
      }
      if (in != null) {
        in.close();
      }
    }
  }

  public List<String> entryNames(Path archive) throws IOException {
    // BUG: Diagnostic contains: [PreferTryWithResources]
    ZipFile zip = new ZipFile(archive.toFile()); // ok: closed in the finally
    try {
      return zip.stream().map(ZipEntry::getName).sorted().toList();
    } finally {
      zip.close();
    }
  }

  public void archiveReports(Path archive, Map<String, byte[]> reports) throws IOException {
    // BUG: Diagnostic contains: [PreferTryWithResources]
    ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive)); // ok: closed in the finally, with the file stream it wraps
    try {
      for (Map.Entry<String, byte[]> report : reports.entrySet()) {
        zip.putNextEntry(new ZipEntry(report.getKey()));
        zip.write(report.getValue());
        zip.closeEntry();
      }
    } finally {
      zip.close();
    }
  }

  public byte[] fetchBanner(String host, int port) throws IOException {
    // BUG: Diagnostic contains: [PreferTryWithResources]
    Socket socket = new Socket(); // ok: closed in the finally, its stream with it
    try {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      InputStream in = socket.getInputStream();
      return in.readNBytes(128);
    } finally {
      socket.close();
    }
  }

  public long firstOversized(List<File> exports, long limit) throws IOException {
    for (File f : exports) {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      RandomAccessFile raf = new RandomAccessFile(f, "r"); // ok: the finally runs on return as well
      try {
        if (raf.length() > limit) {
          return raf.length();
        }
      } finally {
        raf.close();
      }
    }
    return -1;
  }
}
