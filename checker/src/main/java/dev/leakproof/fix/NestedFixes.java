package dev.leakproof.fix;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.fixes.SuggestedFix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Makes nested fixes apply in one patch pass. Error Prone's patch mode drops a fix whose
 * replacement overlaps one it already applied, so a rewrite inside another rewrite's range would
 * wait for a second pass. Where the outer rewrite keeps the inner range's text as it was (or only
 * indents it), this composes the two into one replacement and gives it to every fix of the group:
 * patch mode accepts identical replacements, so whichever finding comes first applies all of them.
 */
public final class NestedFixes {
  /** A replacement, the fixes that make it (several findings can share one), and those inside. */
  private record Node(List<SuggestedFix> fixes, Replacement replacement, List<Node> children) {
    int start() {
      return replacement.startPosition();
    }

    int end() {
      return replacement.endPosition();
    }
  }

  private static final List<String> INDENT_UNITS = List.of("  ", "    ", "\t");

  private NestedFixes() {}

  /**
   * The fixes, each replaced by its group's composed fix where it nests with others; null for the
   * fixes of a group whose rewrites overlap without composing (patch mode would need a second
   * pass); every other fix as it was. In a file with CRLF line breaks, new text uses them too.
   */
  public static List<@Nullable SuggestedFix> compose(List<SuggestedFix> fixes, VisitorState state) {
    if (fixes.isEmpty()) {
      // Called for every unit; most have no fix, and the source need not be read for them.
      return new ArrayList<>();
    }
    CharSequence source = state.getSourceCode();
    // The fixes replace position ranges; creating the file's end-position table for each unit
    // would cost the size of the file every time (quadratic in a file of many methods).
    ErrorProneEndPosTable endPositions = pos -> state.getEndPosition(pos.getTree());
    List<Node> nodes = new ArrayList<>();
    Map<Replacement, Node> byReplacement = new HashMap<>();
    for (SuggestedFix fix : fixes) {
      Set<Replacement> replacements = fix.getReplacements(endPositions);
      if (replacements.size() == 1
          && fix.getImportsToAdd().isEmpty()
          && fix.getImportsToRemove().isEmpty()) {
        Replacement r = replacements.iterator().next();
        Node same = byReplacement.get(r);
        if (same != null) {
          same.fixes().add(fix); // findings that share one fix (a header of several resources)
        } else {
          Node n = new Node(new ArrayList<>(List.of(fix)), r, new ArrayList<>());
          byReplacement.put(r, n);
          nodes.add(n);
        }
      }
    }
    nodes.sort(
        Comparator.comparingInt(Node::start)
            .thenComparing(Comparator.comparingInt(Node::end).reversed()));
    // Build the containment forest; a partial overlap leaves both fixes as they are.
    List<Node> roots = new ArrayList<>();
    List<Node> open = new ArrayList<>();
    Set<Node> broken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node n : nodes) {
      while (!open.isEmpty() && open.get(open.size() - 1).end() <= n.start()) {
        open.remove(open.size() - 1);
      }
      if (open.isEmpty()) {
        roots.add(n);
      } else {
        Node parent = open.get(open.size() - 1);
        if (n.end() <= parent.end() && n.start() < n.end()) {
          parent.children().add(n);
        } else {
          broken.add(parent);
          broken.add(n);
          roots.add(n);
        }
      }
      open.add(n);
    }
    Map<SuggestedFix, SuggestedFix> composed = new IdentityHashMap<>();
    Set<SuggestedFix> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node root : roots) {
      String text =
          anyBroken(root, broken)
              ? null
              : root.children().isEmpty()
                  ? root.replacement().replaceWith()
                  : composedText(root, source);
      if (text == null) {
        // Overlapping rewrites that do not compose: patch mode would apply one and leave the
        // others for a second pass. None is offered instead.
        addGroup(root, null, composed, dropped);
        continue;
      }
      if (usesCrlf(source, root.start())) {
        text = text.replaceAll("(?<!\r)\n", "\r\n");
      }
      addGroup(root, SuggestedFix.replace(root.start(), root.end(), text), composed, dropped);
    }
    List<@Nullable SuggestedFix> result = new ArrayList<>();
    for (SuggestedFix fix : fixes) {
      result.add(dropped.contains(fix) ? null : composed.getOrDefault(fix, fix));
    }
    return result;
  }

  /** Whether the line at {@code pos} ends with CRLF: looking at the whole file costs its size. */
  private static boolean usesCrlf(CharSequence source, int pos) {
    for (int i = Math.max(0, pos); i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        return i > 0 && source.charAt(i - 1) == '\r';
      }
    }
    return false;
  }

  private static boolean anyBroken(Node node, Set<Node> broken) {
    if (broken.contains(node)) {
      return true;
    }
    for (Node child : node.children()) {
      if (anyBroken(child, broken)) {
        return true;
      }
    }
    return false;
  }

  private static void addGroup(
      Node node,
      @Nullable SuggestedFix group,
      Map<SuggestedFix, SuggestedFix> out,
      Set<SuggestedFix> dropped) {
    for (SuggestedFix fix : node.fixes()) {
      if (group == null) {
        dropped.add(fix);
      } else {
        out.put(fix, group);
      }
    }
    for (Node child : node.children()) {
      addGroup(child, group, out, dropped);
    }
  }

  /**
   * The node's replacement text with each child's composed text in place of the child's original
   * text, or null when the node's text does not contain a child's original text exactly once (as
   * written, or indented by one level).
   */
  private static String composedText(Node node, CharSequence source) {
    String text = node.replacement().replaceWith();
    for (Node child : node.children()) {
      String childText =
          child.children().isEmpty()
              ? child.replacement().replaceWith()
              : composedText(child, source);
      if (childText == null) {
        return null;
      }
      String original = source.subSequence(child.start(), child.end()).toString();
      String substituted = substituteOnce(text, original, childText);
      for (int i = 0; substituted == null && i < INDENT_UNITS.size(); i++) {
        String unit = INDENT_UNITS.get(i);
        substituted = substituteOnce(text, indent(original, unit), indent(childText, unit));
      }
      if (substituted == null) {
        return null;
      }
      text = substituted;
    }
    return text;
  }

  private static String substituteOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (from.isEmpty() || at < 0 || text.indexOf(from, at + 1) >= 0) {
      return null;
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** Every line after the first gets {@code unit} in front, unless it is blank. */
  private static String indent(String text, String unit) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.append('\n');
      if (!lines[i].isBlank()) {
        out.append(unit);
      }
      out.append(lines[i]);
    }
    return out.toString();
  }
}
