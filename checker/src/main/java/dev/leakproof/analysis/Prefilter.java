package dev.leakproof.analysis;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakproof.model.Annotations;
import dev.leakproof.model.ResolvedModel;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.VariableElement;
import javax.tools.JavaFileObject;

/**
 * A syntactic pass that answers "could this unit create an obligation?" without building a CFG.
 * Most methods cannot, and skipping them is what keeps the overhead near zero. It mirrors the rules
 * of {@link Classifier} for what is a fresh resource, on the tree instead of the store: it may
 * answer yes for code that turns out not to acquire (a reader over {@code System.in}); it never
 * answers no for code that does. Nested lambdas and classes are units of their own and are not
 * looked at.
 *
 * <p>What cannot create an obligation, however the flow goes: a wrapper given a closeable argument
 * (it joins what it wraps, or is nothing when the unit does not own that), a {@code new} of a type
 * the model says holds nothing, and a call to a method of this file whose body cannot acquire
 * either (its summary cannot return a fresh resource). The last is the common case: getters and
 * delegating methods that return a resource the object keeps.
 */
final class Prefilter extends TreeScanner<Boolean, Void> {
  private final ResolvedModel model;
  private final JavaFileObject file;
  private final Predicate<MethodSymbol> sameFileMayReturnFresh;

  private Prefilter(
      ResolvedModel model, JavaFileObject file, Predicate<MethodSymbol> sameFileMayReturnFresh) {
    this.model = model;
    this.file = file;
    this.sameFileMayReturnFresh = sameFileMayReturnFresh;
  }

  /**
   * Whether {@code body} may acquire a resource. {@code sameFileMayReturnFresh} answers for a
   * method declared in this file whether the classifier could take its result as fresh (through its
   * summary); it may call this method again for the callee's body.
   */
  static boolean mayAcquire(
      Tree body,
      ResolvedModel model,
      JavaFileObject file,
      Predicate<MethodSymbol> sameFileMayReturnFresh) {
    Boolean found = new Prefilter(model, file, sameFileMayReturnFresh).scan(body, null);
    return found != null && found;
  }

  /** Set at the first hit: the rest of the body is not looked at. */
  private boolean found;

  @Override
  public Boolean scan(Tree tree, Void unused) {
    if (found) {
      return true;
    }
    found = Boolean.TRUE.equals(super.scan(tree, unused));
    return found;
  }

  @Override
  public Boolean reduce(Boolean a, Boolean b) {
    return (a != null && a) || (b != null && b);
  }

  @Override
  public Boolean visitNewClass(NewClassTree tree, Void unused) {
    if (tree.getClassBody() == null
        && model.isCloseable(ASTHelpers.getType(tree))
        && ASTHelpers.getSymbol(tree) instanceof MethodSymbol ctor
        && (Annotations.returnsOwned(ctor)
            || (!hasCloseableArgument(tree.getArguments())
                && !model.isNotResourceType(ASTHelpers.getType(tree))
                && !model.isNotResourceConstructor(ctor)
                && !model.hasTrivialClose(ASTHelpers.getType(tree))))) {
      return true;
    }
    return super.visitNewClass(tree, unused);
  }

  @Override
  public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    Type result = ASTHelpers.getType(tree);
    if (model.isCloseable(result)
        && ASTHelpers.getSymbol(tree) instanceof MethodSymbol m
        && mayBeFresh(tree, m, result)) {
      return true;
    }
    return super.visitMethodInvocation(tree, unused);
  }

  /** Whether {@link Classifier#ofCall} could take the call's result as a fresh resource. */
  private boolean mayBeFresh(MethodInvocationTree tree, MethodSymbol m, Type result) {
    if (Annotations.returnsOwned(m)) {
      return true;
    }
    Type receiver =
        ASTHelpers.getReceiver(tree) == null
            ? null
            : ASTHelpers.getType(ASTHelpers.getReceiver(tree));
    boolean wraps = hasCloseableArgument(tree.getArguments());
    return switch (model.roleOf(m, receiver)) {
      case CHILD -> true;
      case ACQUIRE -> !wraps;
      case NONE ->
          (declaredInThisFile(m) && sameFileMayReturnFresh.test(m))
              // a factory by name; for a method of this file, where its summary is missing
              || (!wraps
                  && !model.isNotResourceType(result)
                  && model.isFactoryName(m.getSimpleName()));
      default -> false;
    };
  }

  /**
   * Whether an argument is closeable: then the classifier takes the result as a wrapper, which
   * joins the obligations of what it wraps and creates none. (An explicit array of closeables is
   * not closeable itself: such a call is taken as possibly fresh, as if it wrapped nothing.)
   */
  private boolean hasCloseableArgument(List<? extends ExpressionTree> args) {
    for (ExpressionTree arg : args) {
      if (model.isCloseable(ASTHelpers.getType(arg))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code body} reads or writes one of {@code fields}: a release method of a class that
   * owns them must be analysed even though it acquires nothing.
   */
  static boolean mentions(Tree body, Set<VariableElement> fields) {
    if (fields.isEmpty()) {
      return false;
    }
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitIdentifier(IdentifierTree tree, Void unused) {
            return fields.contains(ASTHelpers.getSymbol(tree));
          }

          @Override
          public Boolean visitMemberSelect(MemberSelectTree tree, Void unused) {
            return fields.contains(ASTHelpers.getSymbol(tree))
                || Boolean.TRUE.equals(super.visitMemberSelect(tree, unused));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return (a != null && a) || (b != null && b);
          }
        }.scan(body, null);
    return found != null && found;
  }

  /** A method of this file may be a factory whose summary says so. */
  private boolean declaredInThisFile(MethodSymbol m) {
    Symbol.ClassSymbol outermost = m.outermostClass();
    return outermost != null && outermost.sourcefile == file;
  }

  @Override
  public Boolean visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
    return false;
  }

  @Override
  public Boolean visitClass(ClassTree tree, Void unused) {
    return false;
  }
}
