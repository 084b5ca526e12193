package testdata.resourceleakonexception;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads one text entry of an archive. The zip file is closed before the early exit and at the end;
 * the entry stream is never closed itself but goes with the zip file. The fix opens both in one
 * header, in the order they were opened, and removes both closes; the entry stream's finding gets
 * the same fix.
 */
class FixArchiveEntryReader {
  String entryText(Path archive, String name) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    ZipFile zip = new ZipFile(archive.toFile()); // leak: not closed if the entry cannot be read
    // BUG: Diagnostic contains: [ResourceLeakOnException]
    InputStream in = zip.getInputStream(new ZipEntry(name)); // leak: released only by zip.close(), which a failed read skips
    if (in == null) {
      zip.close();
      throw new FileNotFoundException(name + " is not in " + archive);
    }
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    zip.close();
    return text;
  }
}
