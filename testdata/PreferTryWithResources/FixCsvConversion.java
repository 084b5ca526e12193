package testdata.prefertrywithresources;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Scanner;

/**
 * Two files opened in one try and closed in its finally in reverse order, each when it was opened.
 * The fix declares both in one try-with-resources header, which closes them in the same order.
 */
class FixCsvConversion {
  int semicolonsToCommas(Path source, File target) throws IOException {
    int lines = 0;
    Scanner in = null;
    PrintWriter out = null;
    try {
      // BUG: Diagnostic contains: [PreferTryWithResources]
      in = new Scanner(source); // ok: closed last in the finally
      // BUG: Diagnostic contains: [PreferTryWithResources]
      out = new PrintWriter(target); // ok: closed first; PrintWriter.close() throws nothing
      while (in.hasNextLine()) {
        out.println(in.nextLine().replace(';', ','));
        lines++;
      }
    } finally {
      if (out != null) {
        out.close();
      }
      if (in != null) {
        in.close();
      }
    }
    return lines;
  }
}
