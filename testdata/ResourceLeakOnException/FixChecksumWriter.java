package testdata.resourceleakonexception;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/** Writes a checksum file next to an artifact; the stream leaks if a write fails. */
class FixChecksumWriter {
  void writeChecksum(Path artifact, byte[] digest) throws IOException {
    Path target = artifact.resolveSibling(artifact.getFileName() + ".sha256");
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    OutputStream out = new FileOutputStream(target.toFile()); // leak: not closed if write throws
    out.write(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
    out.write('\n');
    out.close();
  }
}
