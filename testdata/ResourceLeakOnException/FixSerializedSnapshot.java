package testdata.resourceleakonexception;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Path;

/**
 * The ObjectInputStream constructor reads the stream header and can throw after taking the file
 * stream, so the fix declares the file stream as a resource of its own, before the decorator.
 */
class FixSerializedSnapshot {
  Object restore(Path snapshot) throws IOException, ClassNotFoundException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ObjectInputStream in = new ObjectInputStream(new FileInputStream(snapshot.toFile())); // leak: header read can throw
    Object state = in.readObject();
    in.close();
    return state;
  }
}
