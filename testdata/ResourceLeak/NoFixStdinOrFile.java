package testdata.resourceleak;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A command-line tool that reads standard input when given "-" and a file otherwise. The file is
 * never closed, but closing {@code in} unconditionally would close System.in too, which the method
 * does not own: no fix.
 */
class NoFixStdinOrFile {
  String firstLine(String name) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: on some path the variable holds a value this method must not close
    InputStream in = name.equals("-") ? System.in : new FileInputStream(name); // leak: the file is never closed
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return reader.readLine();
  }
}
