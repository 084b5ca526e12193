package dev.leakproof.fix;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.leakproof.analysis.HoldAnalysis;
import dev.leakproof.analysis.LeakAnalysis;
import dev.leakproof.model.ModelEntry;
import dev.leakproof.model.ResolvedModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fix for {@code UnreleasedLock}: {@code lock()} right before a {@code try} whose {@code
 * finally} unlocks. Two shapes get one:
 *
 * <ul>
 *   <li>{@code try { lock.lock(); … } finally { lock.unlock(); }}: the {@code lock()} call moves
 *       out, just before the {@code try};
 *   <li>{@code lock.lock(); …; lock.unlock();} in one block: the statements in between go into a
 *       {@code try} whose {@code finally} unlocks, and the {@code unlock()} statement goes.
 * </ul>
 *
 * <p>Anything else (no {@code unlock()} in the same block, another unlock in between, a variable
 * declared in between and used after, comments the rewrite would move) gets no fix: which
 * statements need the lock is the author's knowledge.
 */
public final class LockFix {
  private LockFix() {}

  /** The fix, or null when there is none. Never throws. */
  public static @Nullable SuggestedFix of(
      HoldAnalysis.Finding finding, TreePath unitPath, ResolvedModel model, VisitorState state) {
    try {
      if (finding.entry().kind() != ModelEntry.Kind.HOLD) {
        return null;
      }
      TreePath call = TreePath.getPath(unitPath, finding.site());
      if (call == null
          || !(call.getParentPath().getLeaf() instanceof ExpressionStatementTree statement)
          || !(call.getParentPath().getParentPath().getLeaf() instanceof BlockTree block)) {
        return null;
      }
      Edit edit =
          finding.lockInsideTry() != null
              ? moveBeforeTry(statement, block, call.getParentPath().getParentPath(), state)
              : wrapUntilUnlock(
                  statement, block, (MethodInvocationTree) finding.site(), finding, model, state);
      return edit == null ? null : SuggestedFix.replace(edit.start, edit.end, edit.text);
    } catch (RuntimeException | StackOverflowError e) {
      if (Boolean.getBoolean(LeakAnalysis.STRICT_PROPERTY)) {
        throw e;
      }
      return null;
    }
  }

  private record Edit(int start, int end, String text) {}

  /** {@code try {\n lock.lock();} → {@code lock.lock();\n try {}. */
  private static @Nullable Edit moveBeforeTry(
      ExpressionStatementTree statement, BlockTree block, TreePath blockPath, VisitorState state) {
    // With a catch, moving lock() out would take it out of the catch's reach (and
    // lockInterruptibly()'s InterruptedException might no longer be caught at all).
    if (!(blockPath.getParentPath().getLeaf() instanceof TryTree t)
        || t.getBlock() != block
        || block.getStatements().get(0) != statement
        || !t.getResources().isEmpty()
        || !t.getCatches().isEmpty()) {
      return null;
    }
    CharSequence src = state.getSourceCode();
    int tryStart = ASTHelpers.getStartPosition(t);
    int open = ASTHelpers.getStartPosition(block);
    int stmtStart = ASTHelpers.getStartPosition(statement);
    int stmtEnd = state.getEndPosition(statement);
    if (!src.subSequence(tryStart, open).toString().strip().equals("try")
        || !src.subSequence(open + 1, stmtStart).toString().isBlank()
        || !restOfLineBlank(src, stmtEnd)) {
      return null;
    }
    String lock = src.subSequence(stmtStart, stmtEnd).toString();
    return new Edit(tryStart, stmtEnd, lock + "\n" + indentation(src, tryStart) + "try {");
  }

  /** {@code lock.lock(); S…; lock.unlock();} → {@code lock.lock(); try { S… } finally {…}}. */
  private static @Nullable Edit wrapUntilUnlock(
      ExpressionStatementTree statement,
      BlockTree block,
      MethodInvocationTree lockCall,
      HoldAnalysis.Finding finding,
      ResolvedModel model,
      VisitorState state) {
    List<? extends StatementTree> statements = block.getStatements();
    int index = statements.indexOf(statement);
    ExpressionTree receiver = ASTHelpers.getReceiver(lockCall);
    String receiverText = receiver == null ? null : state.getSourceForNode(receiver);
    int unlockIndex = -1;
    for (int i = index + 1; i < statements.size(); i++) {
      boolean isUnlock = isReleaseStatement(statements.get(i), finding, receiverText, model, state);
      if (isUnlock) {
        unlockIndex = i;
        break;
      }
      if (mentionsRelease(statements.get(i), finding, model)) {
        return null; // released on some inner path: the order of events is the author's
      }
    }
    if (unlockIndex <= index + 1) {
      return null;
    }
    List<? extends StatementTree> wrapped = statements.subList(index + 1, unlockIndex);
    Set<Symbol> declared = new HashSet<>();
    for (StatementTree s : wrapped) {
      if (s instanceof VariableTree v) {
        declared.add(ASTHelpers.getSymbol(v));
      }
    }
    for (StatementTree s : statements.subList(unlockIndex + 1, statements.size())) {
      if (Uses.mentions(s, declared)) {
        return null; // used after the try: it would need hoisting
      }
    }
    CharSequence src = state.getSourceCode();
    StatementTree unlock = statements.get(unlockIndex);
    int lockEnd = state.getEndPosition(statement);
    int unlockStart = ASTHelpers.getStartPosition(unlock);
    int unlockEnd = state.getEndPosition(unlock);
    int afterLock = lineEnd(src, lockEnd);
    int unlockLine = lineStart(src, unlockStart);
    if (afterLock < 0
        || !src.subSequence(unlockLine, unlockStart).toString().isBlank()
        || !restOfLineBlank(src, unlockEnd)
        || afterLock >= unlockLine) {
      return null;
    }
    String indent = indentation(src, ASTHelpers.getStartPosition(statement));
    String unit = indentUnit(src, block, indent, state);
    // The whole lines between the lock and the unlock, one level deeper.
    String middle = src.subSequence(afterLock + 1, unlockLine).toString();
    // A blank line before the unlock() stays before the finally, not inside the try.
    while (middle.endsWith("\n\n")) {
      middle = middle.substring(0, middle.length() - 1);
    }
    StringBuilder body = new StringBuilder();
    for (String line : middle.split("\n", -1)) {
      if (body.length() > 0) {
        body.append('\n');
      }
      body.append(line.isBlank() ? line : unit + line);
    }
    String unlockText = src.subSequence(unlockStart, unlockEnd).toString();
    String text =
        src.subSequence(lockEnd, afterLock)
            + "\n"
            + indent
            + "try {\n"
            + body
            + indent
            + "} finally {\n"
            + indent
            + unit
            + unlockText
            + "\n"
            + indent
            + "}";
    return new Edit(lockEnd, unlockEnd, text);
  }

  private static boolean isReleaseStatement(
      StatementTree s,
      HoldAnalysis.Finding finding,
      @Nullable String receiverText,
      ResolvedModel model,
      VisitorState state) {
    if (!(s instanceof ExpressionStatementTree es)
        || !(es.getExpression() instanceof MethodInvocationTree call)
        || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol m)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    String text = receiver == null ? null : state.getSourceForNode(receiver);
    return model.isHoldRelease(
            finding.entry(), m, receiver == null ? null : ASTHelpers.getType(receiver))
        && java.util.Objects.equals(text, receiverText);
  }

  private static boolean mentionsRelease(
      Tree tree, HoldAnalysis.Finding finding, ResolvedModel model) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        MethodSymbol m = ASTHelpers.getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (m != null
            && model.isHoldRelease(
                finding.entry(), m, receiver == null ? null : ASTHelpers.getType(receiver))) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(tree, null);
    return found[0];
  }

  private static boolean restOfLineBlank(CharSequence src, int pos) {
    for (int i = pos; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The position of the line break that ends the line of {@code pos}; -1 at the end of file. */
  private static int lineEnd(CharSequence src, int pos) {
    for (int i = pos; i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        return i > 0 && src.charAt(i - 1) == '\r' ? -1 : i; // CRLF files: leave them alone
      }
    }
    return -1;
  }

  private static int lineStart(CharSequence src, int pos) {
    int i = pos;
    while (i > 0 && src.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  private static String indentation(CharSequence src, int pos) {
    int start = lineStart(src, pos);
    int i = start;
    while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
      i++;
    }
    return src.subSequence(start, i).toString();
  }

  /** The file's indentation step: the block's statements against the block's own line. */
  private static String indentUnit(
      CharSequence src, BlockTree block, String statementIndent, VisitorState state) {
    String outer = indentation(src, ASTHelpers.getStartPosition(block));
    if (statementIndent.startsWith(outer) && statementIndent.length() > outer.length()) {
      return statementIndent.substring(outer.length());
    }
    return statementIndent.startsWith("\t") ? "\t" : Indentation.fileUnit(src);
  }
}
