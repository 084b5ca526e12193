package testdata.resourceleak;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports at most {@code limit} rows and closes the writer once the last one is written, inside the
 * loop; with fewer rows than the limit the close never runs. The rewrite does not remove a close
 * from a loop that may go on running after it, so it offers no fix.
 */
class NoFixCloseAtLimit {
  int exportUpTo(Path target, List<String> rows, int limit) throws IOException {
    // BUG: Diagnostic contains: no automatic fix: a close() the rewrite would remove sits in a loop
    Writer out = Files.newBufferedWriter(target); // leak: not closed when there are fewer rows than the limit
    int skipped = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (i < limit) {
        out.write(rows.get(i));
        out.write('\n');
        if (i == limit - 1) {
          out.close();
        }
      } else {
        skipped++;
      }
    }
    return skipped;
  }
}
