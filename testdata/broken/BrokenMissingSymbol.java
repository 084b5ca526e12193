package testdata.broken;

import java.io.FileInputStream;
import java.io.IOException;

/** Refers to a class that does not exist; javac must report it and the plugin must stay quiet. */
class BrokenMissingSymbol {
  int read(String path) throws IOException {
    FileInputStream in = new FileInputStream(path);
    NoSuchDecoder decoder = new NoSuchDecoder(in);
    return decoder.next();
  }
}
