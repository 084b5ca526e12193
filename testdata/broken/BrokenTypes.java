package testdata.broken;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.Reader;

/** A type error next to correct code: the whole file is rejected before Error Prone runs. */
class BrokenTypes {
  Reader open(String path) throws IOException {
    return new FileInputStream(path);
  }

  int ok(String path) throws IOException {
    try (FileInputStream in = new FileInputStream(path)) {
      return in.read();
    }
  }
}
