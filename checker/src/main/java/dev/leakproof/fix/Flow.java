package dev.leakproof.fix;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.model.ResolvedModel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What removing a release changes. After the rewrite a resource is released when the try block ends
 * instead of where the code closed it; the code that runs in between must neither use it (it was
 * closed there) nor be able to tell that it is still open (open another resource, touch a file).
 * This walks, on the syntax tree, from a removed {@code close()} to where control leaves the try
 * block, and checks each statement on the way.
 */
final class Flow {
  private final Tree regionBlock;
  private final List<? extends StatementTree> regionStatements;
  private final Uses uses;
  private final ResolvedModel model;
  private final VisitorState state;

  /**
   * @param regionBlock the block whose statements the try block will hold
   * @param regionStatements those statements
   */
  Flow(
      Tree regionBlock,
      List<? extends StatementTree> regionStatements,
      Uses uses,
      ResolvedModel model,
      VisitorState state) {
    this.regionBlock = regionBlock;
    this.regionStatements = regionStatements;
    this.uses = uses;
    this.model = model;
    this.state = state;
  }

  /**
   * Checks the code that runs after the release at {@code release} (a close statement, or a {@code
   * try (x)} whose end releases) until control leaves the region.
   *
   * @throws CannotFix when that code would see the difference
   */
  void checkAfter(TreePath release) {
    checkQuiet(release, regionBlock);
    walk(release);
  }

  /**
   * Checks the code that runs after {@code statement} completes (a {@code try (x)} whose end
   * releases {@code x}).
   */
  void checkAfterStatement(TreePath statement) {
    walk(statement);
  }

  /** Checks what runs after {@code from} completes normally, until control leaves the region. */
  private void walk(TreePath from) {
    TreePath current = from;
    while (true) {
      TreePath parentPath = current.getParentPath();
      Tree parent = parentPath.getLeaf();
      Tree leaf = current.getLeaf();
      if (parent == regionBlock || parent instanceof BlockTree) {
        List<? extends StatementTree> siblings =
            parent == regionBlock ? regionStatements : ((BlockTree) parent).getStatements();
        int index = siblings.indexOf(leaf);
        CannotFix.check(index >= 0, NoFix.UNSUPPORTED);
        if (runsToExit(siblings.subList(index + 1, siblings.size()), current)
            || parent == regionBlock) {
          return; // left the region, or reached its end: released there now
        }
        current = parentPath;
        continue;
      }
      if (parent instanceof CaseTree c) {
        if (c.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
          List<? extends StatementTree> siblings = c.getStatements();
          int index = siblings.indexOf(leaf);
          if (runsToExit(siblings.subList(index + 1, siblings.size()), current)) {
            return;
          }
          throw new CannotFix(NoFix.UNSUPPORTED); // falls through to the next case
        }
        current = parentPath.getParentPath(); // a rule's body completes the switch
        CannotFix.check(current.getLeaf() instanceof SwitchTree, NoFix.UNSUPPORTED);
        continue;
      }
      if (parent instanceof TryTree t) {
        if (leaf != t.getFinallyBlock() && t.getFinallyBlock() != null) {
          checkStatements(t.getFinallyBlock().getStatements(), parentPath);
        }
        current = parentPath;
        continue;
      }
      if (parent instanceof CatchTree
          || parent instanceof IfTree
          || parent instanceof LabeledStatementTree
          || parent instanceof SynchronizedTree) {
        current = parentPath; // a catch continues as its try statement: finally, then onwards
        continue;
      }
      if (parent instanceof ForLoopTree
          || parent instanceof EnhancedForLoopTree
          || parent instanceof WhileLoopTree
          || parent instanceof DoWhileLoopTree) {
        throw new CannotFix(NoFix.CLOSE_IN_LOOP);
      }
      throw new CannotFix(NoFix.UNSUPPORTED);
    }
  }

  /**
   * Checks {@code statements}, which run in order after a release; returns true if control then
   * certainly leaves the region (return, throw, or a jump out of it), false if it falls off the
   * end.
   */
  private boolean runsToExit(List<? extends StatementTree> statements, TreePath context) {
    for (StatementTree s : statements) {
      if (s instanceof ReturnTree r) {
        checkStatement(r.getExpression(), context);
        return true;
      }
      if (s instanceof ThrowTree t) {
        checkStatement(t.getExpression(), context);
        CannotFix.check(!caughtInRegion(context), NoFix.UNSUPPORTED);
        return true;
      }
      if (s instanceof YieldTree y) {
        // Completes the switch expression: control goes on after the statement that holds it.
        checkStatement(y.getValue(), context);
        TreePath holder = statementHoldingSwitch(context);
        CannotFix.check(holder != null, NoFix.UNSUPPORTED);
        if (!(holder.getLeaf() instanceof ReturnTree)) {
          walk(holder);
        }
        return true;
      }
      if (s instanceof BreakTree || s instanceof ContinueTree) {
        Tree target =
            s instanceof BreakTree b
                ? targetOf(context, b.getLabel(), true)
                : targetOf(context, ((ContinueTree) s).getLabel(), false);
        if (target == null || !inRegion(target)) {
          return true; // leaves the region
        }
        CannotFix.check(s instanceof BreakTree, NoFix.CLOSE_IN_LOOP);
        // Continues after the loop or switch it breaks out of.
        TreePath targetPath = TreePath.getPath(context.getCompilationUnit(), target);
        CannotFix.check(targetPath != null, NoFix.UNSUPPORTED);
        if (targetPath.getParentPath().getLeaf() instanceof LabeledStatementTree) {
          targetPath = targetPath.getParentPath();
        }
        walk(targetPath);
        return true;
      }
      checkStatement(s, context);
    }
    return false;
  }

  private void checkStatements(List<? extends StatementTree> statements, TreePath context) {
    for (StatementTree s : statements) {
      checkStatement(s, context);
    }
  }

  /** A statement that runs after the release: it must not use the resource or observe it. */
  private void checkStatement(@Nullable Tree s, TreePath context) {
    if (s == null) {
      return;
    }
    if (uses.isClose(s) || uses.isGuardedClose(s)) {
      return; // another release of the same resource: removed as well
    }
    CannotFix.check(!usesTracked(s), NoFix.USED_AFTER_CLOSE);
    CannotFix.check(observesNothing(s, model, state.getTypes()), NoFix.MOVES_PAST_EFFECT);
  }

  private boolean usesTracked(Tree s) {
    // Releases nested in the statement are fine; any other mention is a use after close.
    boolean[] used = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitExpressionStatement(ExpressionStatementTree tree, Void unused) {
        return uses.isClose(tree) ? null : super.visitExpressionStatement(tree, unused);
      }

      @Override
      public Void visitIf(IfTree tree, Void unused) {
        return uses.isGuardedClose(tree) ? null : super.visitIf(tree, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        used[0] |= uses.tracks(ASTHelpers.getSymbol(tree));
        return null;
      }
    }.scan(s, null);
    return used[0];
  }

  /**
   * A release inside a try block whose catch clauses could catch what {@code close()} throws: the
   * original code handles those exceptions there, the rewritten code would throw them from the end
   * of the outer try. Fine only when the catch just rethrows.
   */
  void checkQuiet(TreePath release, Tree stop) {
    Tree child = release.getLeaf();
    for (TreePath p = release.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t == stop || t instanceof MethodTree) {
        return;
      }
      if (t instanceof TryTree tryTree && tryTree.getBlock() == child) {
        for (CatchTree c : tryTree.getCatches()) {
          if (catchesIoProblems(c) && !rethrowsOnly(c)) {
            throw new CannotFix(NoFix.QUIET_CLOSE);
          }
        }
      }
      child = t;
    }
  }

  private boolean catchesIoProblems(CatchTree c) {
    Tree type = c.getParameter().getType();
    List<? extends Tree> alternatives =
        type instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(type);
    Type exception = state.getSymtab().exceptionType;
    Type io = state.getTypeFromString("java.io.IOException");
    for (Tree alternative : alternatives) {
      Type caught = ASTHelpers.getType(alternative);
      if (caught == null) {
        return true;
      }
      if (state.getTypes().isSubtype(exception, caught)
          || (io != null
              && (state.getTypes().isSubtype(io, caught) || state.getTypes().isSubtype(caught, io)))
          || state.getTypes().isSubtype(caught, exception)
              && !state.getTypes().isSubtype(caught, state.getSymtab().runtimeExceptionType)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The catch block ends with {@code throw e;} of its own parameter: whatever it does first (log,
   * clean up), the exception goes on unchanged, as it will from the end of the try.
   */
  private boolean rethrowsOnly(CatchTree c) {
    List<? extends StatementTree> rest =
        c.getBlock().getStatements().stream()
            .filter(s -> !uses.isClose(s) && !uses.isGuardedClose(s))
            .toList();
    return !rest.isEmpty()
        && rest.get(rest.size() - 1) instanceof ThrowTree t
        && t.getExpression() instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) == ASTHelpers.getSymbol(c.getParameter());
  }

  /**
   * The statement whose only remaining work is the value of the switch expression a yield at {@code
   * context} completes: a return, a declaration or an assignment of it; null otherwise.
   */
  private static @Nullable TreePath statementHoldingSwitch(TreePath context) {
    for (TreePath p = context; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof SwitchExpressionTree) {
        TreePath parentPath = p.getParentPath();
        Tree parent = parentPath.getLeaf();
        if (parent instanceof ReturnTree
            || (parent instanceof VariableTree v && v.getInitializer() == leaf)) {
          return parentPath;
        }
        if (parent instanceof AssignmentTree a
            && a.getExpression() == leaf
            && parentPath.getParentPath().getLeaf() instanceof ExpressionStatementTree) {
          return parentPath.getParentPath();
        }
        return null;
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree) {
        return null;
      }
    }
    return null;
  }

  /** Whether a throw at {@code context} could be caught inside the region. */
  private boolean caughtInRegion(TreePath context) {
    Tree child = context.getLeaf();
    for (TreePath p = context.getParentPath(); p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t == regionBlock) {
        return false;
      }
      if (t instanceof TryTree tryTree
          && tryTree.getBlock() == child
          && !tryTree.getCatches().isEmpty()) {
        return true;
      }
      child = t;
    }
    return false;
  }

  private static @Nullable Tree targetOf(TreePath from, @Nullable CharSequence label, boolean brk) {
    for (TreePath p = from; p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof LambdaExpressionTree || t instanceof ClassTree || t instanceof MethodTree) {
        return null;
      }
      if (label != null) {
        if (t instanceof LabeledStatementTree l && l.getLabel().contentEquals(label)) {
          return l.getStatement();
        }
      } else if (t instanceof ForLoopTree
          || t instanceof EnhancedForLoopTree
          || t instanceof WhileLoopTree
          || t instanceof DoWhileLoopTree
          || (brk && t instanceof SwitchTree)) {
        return t;
      }
    }
    return null;
  }

  private boolean inRegion(Tree target) {
    for (StatementTree s : regionStatements) {
      if (s == target || contains(s, target)) {
        return true;
      }
    }
    return false;
  }

  static boolean contains(Tree root, Tree target) {
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

  /**
   * Whether running {@code tree} later or earlier relative to a release cannot be told apart: it
   * opens no other resource and does not reach the file system (the model's {@code file-system}
   * types as receivers, owners or arguments).
   */
  static boolean observesNothing(
      Tree tree, ResolvedModel model, com.sun.tools.javac.code.Types types) {
    boolean[] observes = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        MethodSymbol m = ASTHelpers.getSymbol(call);
        observes[0] |=
            touches(call, call.getArguments())
                || (receiver != null && model.isFileSystemType(ASTHelpers.getType(receiver)))
                || (m != null && model.isFileSystemType(m.owner.type))
                // Unlocking, signalling, queueing work, starting a thread: another thread may go
                // on from here and expect the resource closed (the model's thread-handoff).
                || (m != null && model.isThreadHandoff(m, receiverTypeOf(receiver)))
                || runsCallerCode(call, receiver);
        return super.visitMethodInvocation(call, unused);
      }

      /**
       * {@code listeners.forEach(Runnable::run)}, {@code task.run()}: code this method does not
       * show may read the file the resource writes.
       */
      private boolean runsCallerCode(MethodInvocationTree call, ExpressionTree receiver) {
        // A lambda's body is scanned like any code; a method reference runs code elsewhere:
        // fine for the JDK's own methods (String::strip), not for a callback (Runnable::run) or
        // the project's code.
        for (ExpressionTree a : call.getArguments()) {
          if (ASTHelpers.stripParentheses(a) instanceof MemberReferenceTree ref
              && ASTHelpers.getSymbol(ref) instanceof MethodSymbol target) {
            String owner = target.owner.getQualifiedName().toString();
            if (types.isFunctionalInterface(target.owner.type)
                || !(owner.startsWith("java.") || owner.startsWith("javax."))) {
              return true;
            }
          }
        }
        Type type = receiver == null ? null : ASTHelpers.getType(receiver);
        return type != null && types.isFunctionalInterface(type);
      }

      private Type receiverTypeOf(ExpressionTree receiver) {
        return receiver == null ? null : ASTHelpers.getType(receiver);
      }

      @Override
      public Void visitNewClass(NewClassTree creation, Void unused) {
        observes[0] |= touches(creation, creation.getArguments());
        return super.visitNewClass(creation, unused);
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
    }.scan(tree, null);
    return !observes[0];
  }
}
