package testdata.resourceleak;

import java.io.FileReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resources used within a single expression and never given a name. The fix introduces a variable
 * named after the type or the factory method, and picks another name when that one is taken in
 * scope ({@code lines} is the result variable, {@code fileReader} a local): the result variable is
 * declared before the try and assigned inside it, so it can still be used after.
 */
class FixInlineAcquisitions {
  long countLines(Path log) throws IOException {
    long lines;
    try (var lines2 = Files.lines(log)) {
      lines = lines2.count(); // leak: the stream is never closed
    }
    System.out.println(log.getFileName() + ": " + lines + " lines");
    return lines;
  }

  int firstChar(Path file) throws IOException {
    String fileReader = "reading " + file;
    System.out.println(fileReader);
    int first;
    try (FileReader fileReader2 = new FileReader(file.toFile())) {
      first = fileReader2.read(); // leak: the reader is never closed
    }
    return first;
  }

  List<Path> jsonFiles(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> directoryStream = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : directoryStream) { // leak: the directory stream is never closed
        found.add(p);
      }
    }
    return found;
  }
}
