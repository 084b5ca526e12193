package testdata.resourceleak;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The stream is read by a task on another thread. Closing it at the end of this method would race
 * with the task, so no fix is offered.
 */
class NoFixStreamHandedToWorker {
  Future<byte[]> readLater(Path file, ExecutorService workers) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = new FileInputStream(file.toFile()); // leak: the task never closes it
    return workers.submit(() -> in.readAllBytes());
  }
}
