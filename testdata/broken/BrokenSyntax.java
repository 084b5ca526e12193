package testdata.broken;

import java.io.FileReader;
import java.io.IOException;

/** An unbalanced brace in the middle of a method that acquires a resource. */
class BrokenSyntax {
  int read(String path) throws IOException {
    try (FileReader r = new FileReader(path)) {
      if (r.ready() {
        return r.read();
      }
    }
    return -1;
  }
}
