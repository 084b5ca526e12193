package dev.leakproof.fix;

/** How a file indents, for the lines that fixes write. */
final class Indentation {
  private Indentation() {}

  /**
   * The file's indentation step, read off its first indented line that is code: class members are
   * one step in. Comment continuation lines ({@code * ...}) do not count. Two spaces when nothing
   * tells.
   */
  static String fileUnit(CharSequence src) {
    int i = 0;
    int n = src.length();
    while (i < n) {
      int lineStart = i;
      while (i < n && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
        i++;
      }
      int width = i - lineStart;
      if (width > 0 && i < n && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
        char first = src.charAt(i);
        if (first != '*' && !(first == '/' && i + 1 < n && src.charAt(i + 1) == '/')) {
          if (src.charAt(lineStart) == '\t') {
            return "\t";
          }
          return width <= 8 ? " ".repeat(width) : "  ";
        }
      }
      while (i < n && src.charAt(i) != '\n') {
        i++;
      }
      i++;
    }
    return "  ";
  }
}
