package testdata.resourceleak;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StreamTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/** Code that hands a resource to someone who does not close it. */
public class PositiveOwnershipMistakes {

  public KeyStore loadTrustStore(Path path, char[] password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    // BUG: Diagnostic contains: [ResourceLeak]
    ks.load(Files.newInputStream(path), password); // leak: KeyStore.load does not close the stream
    return ks;
  }

  public BufferedImage loadThumbnail(File imageFile) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = new BufferedInputStream(new FileInputStream(imageFile)); // leak: ImageIO.read(InputStream) does not close it
    return ImageIO.read(in);
  }

  public String sniffType(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = Files.newInputStream(file); // leak: the helper in this file only reads
    return detectType(in);
  }

  public void appendAudit(File log, String entry) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    BufferedWriter w = new BufferedWriter(new FileWriter(log, true)); // leak: flushed but never closed
    w.write(entry);
    w.newLine();
    w.flush();
  }

  public String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    // BUG: Diagnostic contains: [ResourceLeak]
    InputStream in = Files.newInputStream(file); // leak: passed to a helper that only reads it
    feed(md, in);
    return HexFormat.of().formatHex(md.digest());
  }

  public int countWords(Path file) throws IOException {
    // BUG: Diagnostic contains: [ResourceLeak]
    Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); // leak: StreamTokenizer never closes its reader
    StreamTokenizer tokens = new StreamTokenizer(reader);
    int words = 0;
    while (tokens.nextToken() != StreamTokenizer.TT_EOF) {
      if (tokens.ttype == StreamTokenizer.TT_WORD) {
        words++;
      }
    }
    return words;
  }

  public String sniffAndClose(Path file) throws IOException {
    InputStream in = Files.newInputStream(file); // ok: closed by the same-file helper
    return detectAndClose(in);
  }

  private static String detectType(InputStream in) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return "application/gzip";
    }
    if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K') {
      return "application/zip";
    }
    return "application/octet-stream";
  }

  private static String detectAndClose(InputStream in) throws IOException {
    try (in) {
      return detectType(in);
    }
  }

  private static void feed(MessageDigest md, InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) != -1; ) {
      md.update(buf, 0, n);
    }
  }
}
