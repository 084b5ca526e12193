package testdata.resourceleak;

import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Guesses a file's type from its magic number. The stream is read inside a switch expression, in a
 * rule and in a block that yields; the fix wraps the switch, declares {@code kind} before the try,
 * and builds the result after the file is closed.
 */
class FixFileTypeSniffer {
  String describe(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    DataInputStream in = new DataInputStream(new FileInputStream(file.toFile())); // leak: never closed
    int magic = in.readInt();
    String kind = switch (magic) {
      case 0xCAFEBABE -> "class file, version " + in.readUnsignedShort();
      case 0x504B0304 -> "zip archive";
      default -> {
        int next = in.read();
        yield next < 0 ? "short file" : "unknown";
      }
    };
    return file.getFileName() + ": " + kind;
  }
}
