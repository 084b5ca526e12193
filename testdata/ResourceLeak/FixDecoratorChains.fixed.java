package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Decorator chains. {@code new BufferedReader(new FileReader(f))} cannot fail once the file is
 * open, so the chain stays one resource. {@code GZIPInputStream} reads the gzip header in its
 * constructor and can throw after the file stream is open, so the fix declares the file stream as
 * a resource of its own, before the decorator that uses it.
 */
class FixDecoratorChains {
  String firstLine(Path file) throws IOException {
    try (BufferedReader reader = new BufferedReader(new FileReader(file.toFile()))) { // leak: never closed
      String line = reader.readLine();
      return line == null ? "" : line;
    }
  }

  byte[] decompress(Path archive) throws IOException {
    try (FileInputStream fileInputStream = new FileInputStream(archive.toFile());
        InputStream in = new GZIPInputStream(fileInputStream)) { // leak: never closed
      return in.readAllBytes();
    }
  }
}
