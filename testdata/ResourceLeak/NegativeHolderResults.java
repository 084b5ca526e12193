package testdata.resourceleak;

import java.io.Closeable;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A method that returns an object holding the resource it was given (not a resource itself) hands
 * that resource to its caller with the object, like a constructor of such an object.
 */
public class NegativeHolderResults {

  /** Parses lazily: the font keeps reading from its source. */
  interface FontParser {
    TrueTypeFont parse(Reader source);
  }

  static final class TrueTypeFont implements Closeable {
    private final Reader source;

    TrueTypeFont(Reader source) {
      this.source = source;
    }

    @Override
    public void close() {
      try {
        source.close();
      } catch (IOException e) {
        // nothing is left to release
      }
    }
  }

  /** An embedded font: what the document keeps. It closes the parsed font once it has read it. */
  static final class EmbeddedFont {
    private final TrueTypeFont font;

    private EmbeddedFont(TrueTypeFont font, boolean closeFont) {
      this.font = font;
      if (closeFont) {
        font.close();
      }
    }
  }

  private final FontParser parser;

  NegativeHolderResults(FontParser parser) {
    this.parser = parser;
  }

  EmbeddedFont load(File file) throws IOException {
    return load(new FileReader(file));
  }

  EmbeddedFont load(Reader source) {
    return new EmbeddedFont(parser.parse(source), true);
  }
}
