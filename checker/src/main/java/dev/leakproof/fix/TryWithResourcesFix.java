package dev.leakproof.fix;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.analysis.Handlers;
import dev.leakproof.analysis.Leak;
import dev.leakproof.model.ResolvedModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a leaked local in try-with-resources, from its declaration through its last use, and
 * removes the {@code close()} calls that this makes redundant:
 *
 * <pre>{@code
 * InputStream in = new FileInputStream(f);      try (InputStream in = new FileInputStream(f)) {
 * int b = in.read();                      ->      int b = in.read();
 * in.close();                                     return b;
 * return b;                                     }
 * }</pre>
 *
 * <p>The fix is offered only for a shape it can rewrite without changing behaviour: the resource is
 * a local declared with its acquisition, never reassigned, held by no other variable, and used only
 * as a receiver or argument in later statements of the same block (not returned, stored or
 * captured). Declarations in the wrapped statements that are used after them extend the block over
 * later statements, provided those open no resource and touch no file (the model's {@code
 * file-system} types). The exceptions of {@code close()} must already be handled where the
 * declaration is.
 */
public final class TryWithResourcesFix {
  private TryWithResourcesFix() {}

  /** The fix for {@code leak}, or empty when no safe rewrite exists. Never throws. */
  public static Optional<SuggestedFix> forLeak(
      Leak leak, TreePath unitPath, ResolvedModel model, VisitorState state) {
    try {
      return Optional.ofNullable(build(leak, unitPath, model, state));
    } catch (RuntimeException e) {
      if (Boolean.getBoolean("leakproof.strict")) {
        throw e;
      }
      // A fix is a bonus; an unexpected tree shape must never cost the finding.
      return Optional.empty();
    }
  }

  private static @Nullable SuggestedFix build(
      Leak leak, TreePath unitPath, ResolvedModel model, VisitorState state) {
    Holders.Holder holder = Holders.of(leak, unitPath);
    if (holder == null
        || !(holder.path().getLeaf() instanceof VariableTree decl)
        || !(holder.path().getParentPath().getLeaf() instanceof BlockTree block)
        || leak.variables().size() != 1) {
      return null;
    }
    Symbol var = holder.variable();
    ExpressionTree init = decl.getInitializer();
    for (Tree t : leak.temporaries()) {
      if (!contains(init, t)) {
        return null;
      }
    }
    if (!ASTHelpers.isSubtype(var.type, state.getSymtab().autoCloseableType, state)
        || wrapperThrows(leak.site(), holder.path(), state)
        || isReassigned(unitPath.getLeaf(), var)) {
      return null;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int declIndex = statements.indexOf(decl);
    int lastUse = declIndex;
    List<StatementTree> closes = new ArrayList<>();
    for (int i = declIndex + 1; i < statements.size(); i++) {
      StatementTree st = statements.get(i);
      if (isCloseStatement(st, var)) {
        closes.add(st);
        continue;
      }
      Use use = useIn(new TreePath(holder.path().getParentPath(), st), var);
      if (use == Use.UNSAFE) {
        return null;
      }
      if (use == Use.SAFE) {
        lastUse = i;
      }
    }
    for (StatementTree close : closes) {
      if (statements.indexOf(close) < lastUse) {
        return null; // used after an explicit close: not the shape this fix understands
      }
    }
    int end = extendOverLaterUses(statements, declIndex, lastUse);
    if (end < 0 || !observesNothing(statements, lastUse, end, closes, model)) {
      return null;
    }
    if (closes.isEmpty() && !closeExceptionsHandled(var.type, holder.path(), state)) {
      return null;
    }
    return rewrite(decl, statements, declIndex, end, closes, block, state);
  }

  private enum Use {
    NONE,
    SAFE,
    UNSAFE
  }

  /** How statement {@code path} uses {@code var}: as a receiver or argument only, or otherwise. */
  private static Use useIn(TreePath path, Symbol var) {
    Use[] result = {Use.NONE};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == var) {
          Use u = classify(getCurrentPath(), path.getLeaf());
          if (u == Use.UNSAFE || result[0] == Use.NONE) {
            result[0] = u;
          }
        }
        return null;
      }
    }.scan(path, null);
    return result[0];
  }

  private static Use classify(TreePath identifierPath, Tree statement) {
    for (TreePath p = identifierPath;
        p != null && p.getLeaf() != statement;
        p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
        return Use.UNSAFE; // captured: may outlive the block
      }
    }
    Tree id = identifierPath.getLeaf();
    Tree parent = identifierPath.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree select
        && identifierPath.getParentPath().getParentPath().getLeaf()
            instanceof MethodInvocationTree call
        && call.getMethodSelect() == select) {
      return select.getIdentifier().contentEquals("close") ? Use.UNSAFE : Use.SAFE;
    }
    if (parent instanceof MethodInvocationTree call && call.getArguments().contains(id)) {
      MethodSymbol m = ASTHelpers.getSymbol(call);
      return m != null && m.getSimpleName().toString().startsWith("close") ? Use.UNSAFE : Use.SAFE;
    }
    if (parent instanceof NewClassTree creation && creation.getArguments().contains(id)) {
      return Use.SAFE;
    }
    if (parent instanceof BinaryTree) {
      return Use.SAFE;
    }
    return Use.UNSAFE;
  }

  private static boolean isCloseStatement(StatementTree st, Symbol var) {
    return st instanceof ExpressionStatementTree es
        && es.getExpression() instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("close")
        && select.getExpression() instanceof IdentifierTree receiver
        && ASTHelpers.getSymbol(receiver) == var;
  }

  /**
   * The index of the last statement the try block must cover so that every declaration inside it
   * stays in scope for its uses.
   */
  private static int extendOverLaterUses(
      List<? extends StatementTree> statements, int declIndex, int lastUse) {
    int end = lastUse;
    boolean changed = true;
    while (changed) {
      changed = false;
      Set<Symbol> declared = new HashSet<>();
      for (int i = declIndex + 1; i <= end; i++) {
        if (statements.get(i) instanceof VariableTree v && ASTHelpers.getSymbol(v) != null) {
          declared.add(ASTHelpers.getSymbol(v));
        } else if (statements.get(i) instanceof ClassTree) {
          return -1; // a local class: keep it simple
        }
      }
      for (int i = end + 1; i < statements.size(); i++) {
        if (mentionsAny(statements.get(i), declared)) {
          end = i;
          changed = true;
        }
      }
    }
    return end;
  }

  /**
   * Moving the close later is safe only over statements that cannot see the difference: they open
   * no other resource and do not touch the file system (deleting, renaming or reopening the file).
   */
  private static boolean observesNothing(
      List<? extends StatementTree> statements,
      int lastUse,
      int end,
      List<StatementTree> closes,
      ResolvedModel model) {
    for (int i = lastUse + 1; i <= end; i++) {
      StatementTree st = statements.get(i);
      if (closes.contains(st)) {
        continue;
      }
      boolean[] observes = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          ExpressionTree receiver = ASTHelpers.getReceiver(tree);
          MethodSymbol m = ASTHelpers.getSymbol(tree);
          observes[0] |=
              touches(tree, tree.getArguments())
                  || (receiver != null && model.isFileSystemType(ASTHelpers.getType(receiver)))
                  || (m != null && model.isFileSystemType(m.owner.type));
          return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
          observes[0] |= touches(tree, tree.getArguments());
          return super.visitNewClass(tree, unused);
        }

        private boolean touches(ExpressionTree call, List<? extends ExpressionTree> args) {
          Type result = ASTHelpers.getType(call);
          if (model.isCloseable(result) && !model.isNotResourceType(result)) {
            return true;
          }
          for (ExpressionTree a : args) {
            if (model.isFileSystemType(ASTHelpers.getType(a))) {
              return true;
            }
          }
          return false;
        }
      }.scan(st, null);
      if (observes[0]) {
        return false;
      }
    }
    return true;
  }

  private static boolean mentionsAny(Tree tree, Set<Symbol> symbols) {
    if (symbols.isEmpty()) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (symbols.contains(ASTHelpers.getSymbol(id))) {
          found[0] = true;
        }
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /** Whether a wrapper between the acquisition and the variable can throw a checked exception. */
  private static boolean wrapperThrows(Tree site, TreePath declPath, VisitorState state) {
    TreePath sitePath = TreePath.getPath(declPath, site);
    for (TreePath p = sitePath == null ? null : sitePath.getParentPath();
        p != null && p.getLeaf() != declPath.getLeaf();
        p = p.getParentPath()) {
      if (p.getLeaf() instanceof NewClassTree || p.getLeaf() instanceof MethodInvocationTree) {
        Symbol s = ASTHelpers.getSymbol(p.getLeaf());
        if (s instanceof MethodSymbol m) {
          for (Type thrown : m.getThrownTypes()) {
            if (isChecked(thrown, state)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean isReassigned(Tree unit, Symbol var) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree.getVariable()) == var;
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree.getVariable()) == var;
        return super.visitCompoundAssignment(tree, unused);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree.getExpression()) == var;
        return super.visitUnary(tree, unused);
      }
    }.scan(unit, null);
    return found[0];
  }

  /** Whether the checked exceptions of the resource's {@code close()} are caught or declared. */
  private static boolean closeExceptionsHandled(Type type, TreePath declPath, VisitorState state) {
    MethodSymbol close = findClose(type, state);
    if (close == null) {
      return false;
    }
    for (Type thrown : close.getThrownTypes()) {
      if (isChecked(thrown, state) && !Handlers.isCaughtOrDeclared(thrown, declPath, state)) {
        return false;
      }
    }
    return true;
  }

  /** The {@code close()} a call on {@code type} resolves to: the first one up its supertypes. */
  private static @Nullable MethodSymbol findClose(Type type, VisitorState state) {
    for (Type t : state.getTypes().closure(type)) {
      for (Symbol member : t.tsym.members().getSymbolsByName(state.getName("close"))) {
        if (member instanceof MethodSymbol m && m.getParameters().isEmpty()) {
          return m;
        }
      }
    }
    return null;
  }

  private static boolean isChecked(Type t, VisitorState state) {
    return !ASTHelpers.isSubtype(t, state.getSymtab().runtimeExceptionType, state)
        && !ASTHelpers.isSubtype(t, state.getSymtab().errorType, state);
  }

  private static boolean contains(Tree root, Tree target) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == target) {
          found[0] = true;
        }
        return found[0] ? null : super.scan(tree, unused);
      }
    }.scan(root, null);
    return found[0];
  }

  private static SuggestedFix rewrite(
      VariableTree decl,
      List<? extends StatementTree> statements,
      int declIndex,
      int end,
      List<StatementTree> closes,
      BlockTree block,
      VisitorState state) {
    CharSequence source = state.getSourceCode();
    int declStart = ASTHelpers.getStartPosition(decl);
    int declEnd = state.getEndPosition(decl);
    String declText = source.subSequence(declStart, declEnd).toString().strip();
    if (declText.endsWith(";")) {
      declText = declText.substring(0, declText.length() - 1).stripTrailing();
    }
    String indent = indentation(source, declStart);
    String unit = indentUnit(source, indent, ASTHelpers.getStartPosition(block));
    SuggestedFix.Builder fix = SuggestedFix.builder();
    int regionEnd = end > declIndex ? state.getEndPosition(statements.get(end)) : declEnd;
    regionEnd = endOfLineIfOnlyComment(source, regionEnd);
    // The wrapped text, without the close() calls that fall inside it.
    StringBuilder body = new StringBuilder();
    int cursor = declEnd;
    for (StatementTree close : closes) {
      int[] span = lineSpan(source, close, state);
      if (span[0] >= declEnd && span[1] <= regionEnd) {
        body.append(source, cursor, span[0]);
        cursor = span[1];
      } else {
        fix.replace(span[0], span[1], "");
      }
    }
    body.append(source, cursor, regionEnd);
    String reindented =
        body.toString().replace("\n", "\n" + unit).replaceAll("\n" + unit + "(?=\r?\n)", "\n");
    reindented = reindented.replaceAll("\n" + unit + "$", "\n");
    String closing = reindented.endsWith("\n") ? indent + "}" : "\n" + indent + "}";
    fix.replace(declStart, regionEnd, "try (" + declText + ") {" + reindented + closing);
    return fix.build();
  }

  /** The span to delete for a statement: its whole line when nothing else is on it. */
  private static int[] lineSpan(CharSequence source, Tree statement, VisitorState state) {
    int start = ASTHelpers.getStartPosition(statement);
    int end = state.getEndPosition(statement);
    int lineStart = start;
    while (lineStart > 0
        && (source.charAt(lineStart - 1) == ' ' || source.charAt(lineStart - 1) == '\t')) {
      lineStart--;
    }
    int lineEnd = end;
    while (lineEnd < source.length()
        && (source.charAt(lineEnd) == ' ' || source.charAt(lineEnd) == '\t')) {
      lineEnd++;
    }
    boolean ownLine =
        (lineStart == 0 || source.charAt(lineStart - 1) == '\n')
            && (lineEnd == source.length()
                || source.charAt(lineEnd) == '\n'
                || source.charAt(lineEnd) == '\r');
    if (ownLine) {
      if (lineEnd < source.length() && source.charAt(lineEnd) == '\r') {
        lineEnd++;
      }
      if (lineEnd < source.length() && source.charAt(lineEnd) == '\n') {
        lineEnd++;
      }
      return new int[] {lineStart, lineEnd};
    }
    return new int[] {start, end};
  }

  /** Extends {@code pos} over a trailing line comment on the same line. */
  private static int endOfLineIfOnlyComment(CharSequence source, int pos) {
    int i = pos;
    while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
      i++;
    }
    if (i + 1 < source.length() && source.charAt(i) == '/' && source.charAt(i + 1) == '/') {
      while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
        i++;
      }
      return i;
    }
    return pos;
  }

  private static String indentation(CharSequence source, int pos) {
    int lineStart = pos;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = lineStart; i < pos && (source.charAt(i) == ' ' || source.charAt(i) == '\t'); i++) {
      sb.append(source.charAt(i));
    }
    return sb.toString();
  }

  /** One level of indentation, as this file writes it (the decl's indent less its block's). */
  private static String indentUnit(CharSequence source, String declIndent, int blockStart) {
    if (declIndent.startsWith("\t")) {
      return "\t";
    }
    String outer = indentation(source, blockStart);
    int diff = declIndent.length() - outer.length();
    return diff > 0 && diff <= 8 ? " ".repeat(diff) : "  ";
  }
}
