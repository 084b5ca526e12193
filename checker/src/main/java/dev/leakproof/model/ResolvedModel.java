package dev.leakproof.model;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Source;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import dev.leakproof.model.ModelEntry.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Name;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The library model bound to one compilation's types: answers what a type, constructor or method
 * means for resource ownership. Entries whose types are not on the classpath never match.
 */
public final class ResolvedModel {

  /** What the model says a method does; at most one role applies, in this order of precedence. */
  public enum Role {
    RELEASE,
    CLOSER,
    TAKES_OWNERSHIP,
    ALIAS,
    CHILD,
    ACQUIRE,
    CLOSED_TEST,
    OPEN_TEST,
    BUILDER_SETTER,
    /** A {@code not-resource} method: its result holds nothing of the caller's to release. */
    NO_RESOURCE,
    NONE
  }

  private static final Kind[] ROLE_KINDS = {
    Kind.RELEASE,
    Kind.CLOSER,
    Kind.TAKES_OWNERSHIP,
    Kind.ALIAS,
    Kind.CHILD,
    Kind.ACQUIRE,
    Kind.CLOSED_TEST,
    Kind.OPEN_TEST,
    Kind.BUILDER_SETTER,
    Kind.NOT_RESOURCE
  };

  private final VisitorState state;
  private final Types types;
  private final @Nullable Type autoCloseable;
  private final Map<String, Optional<Type>> resolved = new HashMap<>();
  private final Map<Symbol.TypeSymbol, Boolean> closeableClasses = new HashMap<>();
  private final Map<Symbol.TypeSymbol, Boolean> notResourceClasses = new HashMap<>();
  private @Nullable Set<String> holdMethodNames;
  private final List<ModelEntry> resourceTypes = new ArrayList<>();
  private final List<ModelEntry> notResourceTypes = new ArrayList<>();
  private final List<ModelEntry> notResourceConstructors = new ArrayList<>();
  private final List<ModelEntry> resourceAfter = new ArrayList<>();
  private final Map<Kind, Map<String, List<ModelEntry>>> byExactName = new EnumMap<>(Kind.class);
  private final Map<Kind, List<ModelEntry>> byPrefix = new EnumMap<>(Kind.class);
  private final List<ModelEntry> throwsConstructors = new ArrayList<>();
  private final List<ModelEntry> noThrowConstructors = new ArrayList<>();
  private final Set<String> factoryPrefixes = new HashSet<>();
  private final Set<String> closerNames = new HashSet<>();
  private final List<String> closerSuffixes = new ArrayList<>();
  private final Set<String> lifecycleMethods = new HashSet<>();
  private final Set<String> lifecycleAnnotations = new HashSet<>();
  private final List<ModelEntry> charsetExceptions = new ArrayList<>();
  private final Set<String> standardCharsets = new HashSet<>();
  private final List<ModelEntry> fileSystemTypes = new ArrayList<>();
  private final List<ModelEntry> trivialCloseTypes = new ArrayList<>();
  private final List<ModelEntry> keepOpenTypes = new ArrayList<>();
  private final Set<String> holdReleaseNames = new HashSet<>();
  private final Map<Symbol, Boolean> trivialClose = new HashMap<>();
  private final Map<Symbol, Optional<List<String>>> declaredMustCall = new HashMap<>();

  public ResolvedModel(LibraryModel model, VisitorState state) {
    this.state = state;
    this.types = state.getTypes();
    this.autoCloseable = state.getSymtab().autoCloseableType;
    for (ModelEntry e : model.entries()) {
      switch (e.kind()) {
        case RESOURCE -> resourceTypes.add(e);
        case NOT_RESOURCE -> {
          if (e.method() != null) {
            index(e); // a method whose result is no resource: a role
          } else {
            (e.isConstructor() ? notResourceConstructors : notResourceTypes).add(e);
          }
        }
        case FACTORY_PREFIX -> factoryPrefixes.add(e.owner());
        case CLOSER_NAME -> {
          if (e.owner().startsWith("*")) {
            closerSuffixes.add(e.owner().substring(1));
          } else {
            closerNames.add(e.owner());
          }
        }
        case LIFECYCLE_METHOD -> lifecycleMethods.add(e.owner());
        case LIFECYCLE_ANNOTATION -> lifecycleAnnotations.add(e.owner());
        case CHARSET_EXCEPTION -> charsetExceptions.add(e);
        case STANDARD_CHARSET -> standardCharsets.add(e.owner());
        case FILE_SYSTEM -> fileSystemTypes.add(e);
        case TRIVIAL_CLOSE -> trivialCloseTypes.add(e);
        case KEEP_OPEN -> keepOpenTypes.add(e);
        case RESOURCE_AFTER -> {
          resourceAfter.add(e);
          index(e);
        }
        case HOLD, HOLD_IF_TRUE, HOLD_STAMP, RESTORE, RESTORE_ARG -> {
          holdReleaseNames.addAll(List.of(e.argument().split("\\|")));
          index(e);
        }
        case THROWS -> {
          if (e.isConstructor()) {
            throwsConstructors.add(e);
          } else {
            index(e);
          }
        }
        case NO_THROW -> {
          if (e.isConstructor()) {
            noThrowConstructors.add(e);
          } else {
            index(e);
          }
        }
        default -> index(e);
      }
    }
  }

  private void index(ModelEntry e) {
    String m = e.method();
    if (m != null && m.endsWith("*")) {
      byPrefix.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
    } else {
      byExactName
          .computeIfAbsent(e.kind(), k -> new HashMap<>())
          .computeIfAbsent(m, k -> new ArrayList<>())
          .add(e);
    }
  }

  /**
   * Whether values of {@code type} must be released by whoever owns them: {@code AutoCloseable}
   * types, and the types the model lists as {@code resource}.
   */
  public boolean isCloseable(@Nullable Type type) {
    if (type == null
        || type.isPrimitive()
        || type.getKind() == TypeKind.NULL
        || type.getKind() == TypeKind.ERROR) {
      return false; // the null type is a subtype of everything: `f(null)` passes no resource
    }
    if (byClassOnly(type)) {
      return closeableClasses.computeIfAbsent(type.tsym, s -> computeIsCloseable(type));
    }
    return computeIsCloseable(type);
  }

  /**
   * Whether what {@link #isCloseable} and {@link #isNotResourceType} say about {@code type} depends
   * on its class alone: both look at the erasure and at annotations on the class, so only a
   * type-use annotation or a type that is not a class type (an array's symbol is shared by all
   * arrays) needs a fresh answer. The prefilter asks them for every call and {@code new} of every
   * method.
   */
  private static boolean byClassOnly(Type type) {
    return type.hasTag(TypeTag.CLASS) && type.tsym != null && type.getAnnotationMirrors().isEmpty();
  }

  private boolean computeIsCloseable(Type type) {
    List<String> mustCall = mustCall(type);
    if (mustCall != null) {
      return !mustCall.isEmpty(); // @MustCall({}) says no; @InheritableMustCall("stop") says yes
    }
    if (autoCloseable != null
        && types.isSubtype(types.erasure(type), types.erasure(autoCloseable))) {
      return true;
    }
    return isSubtypeOfAny(type, resourceTypes);
  }

  /**
   * The methods that release values of {@code type} according to its {@code @MustCall} or
   * {@code @InheritableMustCall} annotation, or null when it has none.
   */
  public @Nullable List<String> mustCall(@Nullable Type type) {
    if (type == null || type.isPrimitive() || type.tsym == null) {
      return null;
    }
    if (!type.getAnnotationMirrors().isEmpty()) {
      return Annotations.mustCallMethods(type, types); // a type-use annotation: not cached
    }
    return declaredMustCall
        .computeIfAbsent(
            type.tsym, s -> Optional.ofNullable(Annotations.mustCallMethods(type, types)))
        .orElse(null);
  }

  /**
   * Whether values of {@code type} are never resources on their own: the model says so, or an
   * annotation ({@code @MustCall({})}) does. A declared type says nothing about the class of the
   * object at run time, so the trivial-close rule is not applied here; see {@link
   * #hasTrivialClose}.
   */
  public boolean isNotResourceType(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    if (byClassOnly(type)) {
      return notResourceClasses.computeIfAbsent(type.tsym, s -> computeIsNotResourceType(type));
    }
    return computeIsNotResourceType(type);
  }

  private boolean computeIsNotResourceType(Type type) {
    List<String> mustCall = mustCall(type);
    if (mustCall != null) {
      return mustCall.isEmpty();
    }
    // A resource entry wins: it is how an opt-in section (executors) overrides the defaults.
    return !isSubtypeOfAny(type, resourceTypes) && isSubtypeOfAny(type, notResourceTypes);
  }

  /**
   * Whether an object of exactly the class {@code type} (as a constructor makes it) inherits a
   * {@code close()} that does nothing: a {@code trivial-close} type's.
   */
  public boolean hasTrivialClose(Type type) {
    if (type.tsym == null || trivialCloseTypes.isEmpty()) {
      return false;
    }
    return trivialClose.computeIfAbsent(type.tsym, s -> computeTrivialClose(type));
  }

  private boolean computeTrivialClose(Type type) {
    com.sun.tools.javac.util.Name close = state.getName("close");
    for (Type t = types.erasure(type);
        t != null && t.tsym instanceof Symbol.ClassSymbol;
        t = types.supertype(t)) {
      for (Symbol member : t.tsym.members().getSymbolsByName(close)) {
        if (member instanceof MethodSymbol m
            && m.getParameters().isEmpty()
            && (m.flags() & Flags.ABSTRACT) == 0) {
          // An empty close() written in source is not enough: in self-contained code it is
          // usually a stand-in for a real resource, and the AutoCloseable contract still holds.
          for (ModelEntry e : trivialCloseTypes) {
            Type trivial = resolve(e.owner());
            if (trivial != null && types.isSameType(types.erasure(t), types.erasure(trivial))) {
              return true;
            }
          }
          return false;
        }
      }
    }
    return false;
  }

  /** Whether {@code constructor} is listed as one that creates no resource. */
  public boolean isNotResourceConstructor(MethodSymbol constructor) {
    for (ModelEntry e : notResourceConstructors) {
      if (matchesConstructor(e, constructor)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the object {@code constructor} makes holds nothing until a {@code resource-after}
   * method is called on it: the constructor is one of that entry's type itself, not of a subtype.
   */
  public boolean isResourceOnlyAfterCall(MethodSymbol constructor) {
    for (ModelEntry e : resourceAfter) {
      Type owner = resolve(e.owner());
      if (owner != null
          && types.isSameType(types.erasure(constructor.owner.type), types.erasure(owner))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether calling {@code method}, on a receiver of static type {@code receiver}, makes an object
   * that held nothing a resource ({@code resource-after}).
   */
  public boolean makesResource(MethodSymbol method, @Nullable Type receiver) {
    return !resourceAfter.isEmpty() && find(Kind.RESOURCE_AFTER, method, receiver) != null;
  }

  /** The model's role for {@code method}, called on a receiver of static type {@code receiver}. */
  public Role roleOf(MethodSymbol method, @Nullable Type receiver) {
    // A method that an annotation names as the release of its receiver's type.
    List<String> mustCall = mustCall(receiver != null ? receiver : method.owner.type);
    if (mustCall != null
        && mustCall.contains(method.getSimpleName().toString())
        && method.getParameters().isEmpty()) {
      return Role.RELEASE;
    }
    for (int i = 0; i < ROLE_KINDS.length; i++) {
      if (find(ROLE_KINDS[i], method, receiver) != null) {
        return Role.values()[i];
      }
    }
    return Role.NONE;
  }

  private static final Kind[] HOLD_KINDS = {
    Kind.HOLD, Kind.HOLD_IF_TRUE, Kind.HOLD_STAMP, Kind.RESTORE, Kind.RESTORE_ARG
  };

  /**
   * The {@code hold*} or {@code restore*} entry whose acquiring method {@code method} is, called on
   * a receiver of static type {@code receiver}; null if none.
   */
  public @Nullable ModelEntry holdEntry(MethodSymbol method, @Nullable Type receiver) {
    for (Kind k : HOLD_KINDS) {
      ModelEntry e = find(k, method, receiver);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /**
   * Whether {@code method}, called on a receiver of static type {@code receiver}, is one of the
   * release methods of {@code entry}: named in its argument, on its type or a subtype.
   */
  public boolean isHoldRelease(ModelEntry entry, MethodSymbol method, @Nullable Type receiver) {
    String argument = entry.argument();
    if (argument == null
        || !List.of(argument.split("\\|")).contains(method.getSimpleName().toString())) {
      return false;
    }
    Type owner = resolve(entry.owner());
    if (owner == null) {
      return false;
    }
    Type declaring = method.owner.type;
    Type erasedOwner = types.erasure(owner);
    return types.isSubtype(types.erasure(declaring), erasedOwner)
        || types.isSubtype(erasedOwner, types.erasure(declaring))
            && receiver != null
            && types.isSubtype(types.erasure(receiver), erasedOwner);
  }

  /** Whether calling {@code method} lets another thread go on ({@code thread-handoff}). */
  public boolean isThreadHandoff(MethodSymbol method, @Nullable Type receiver) {
    return find(Kind.THREAD_HANDOFF, method, receiver) != null;
  }

  /** Whether what values of {@code type} made stays in use after any block ends. */
  public boolean isKeptOpen(@Nullable Type type) {
    return type != null && !type.isPrimitive() && isSubtypeOfAny(type, keepOpenTypes);
  }

  /** Whether {@code method} tells whether the current thread holds its receiver lock. */
  public boolean isHeldTest(MethodSymbol method, @Nullable Type receiver) {
    return find(Kind.HELD_TEST, method, receiver) != null;
  }

  /** Whether {@code method} is a release method of some {@code hold*} or {@code restore*} entry. */
  public boolean isAnyHoldRelease(MethodSymbol method, @Nullable Type receiver) {
    if (!holdReleaseNames.contains(method.getSimpleName().toString())) {
      return false; // most calls: one set lookup
    }
    for (Kind k : HOLD_KINDS) {
      Map<String, List<ModelEntry>> exact = byExactName.get(k);
      List<List<ModelEntry>> groups = new ArrayList<>();
      if (exact != null) {
        groups.addAll(exact.values());
      }
      List<ModelEntry> prefixed = byPrefix.get(k);
      if (prefixed != null) {
        groups.add(prefixed);
      }
      for (List<ModelEntry> group : groups) {
        for (ModelEntry e : group) {
          if (isHoldRelease(e, method, receiver)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The names of all acquiring methods of {@code hold*} and {@code restore*} entries. */
  public Set<String> holdMethodNames() {
    if (holdMethodNames == null) {
      holdMethodNames = Set.copyOf(collectHoldMethodNames());
    }
    return holdMethodNames;
  }

  private Set<String> collectHoldMethodNames() {
    Set<String> names = new HashSet<>();
    for (Kind k : HOLD_KINDS) {
      Map<String, List<ModelEntry>> exact = byExactName.get(k);
      if (exact != null) {
        names.addAll(exact.keySet());
      }
    }
    return names;
  }

  /** Whether some {@code hold*} or {@code restore*} entry has a method name pattern. */
  public boolean hasPrefixedHoldEntries() {
    for (Kind k : HOLD_KINDS) {
      if (byPrefix.containsKey(k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the method's name marks it as a factory of fresh resources. */
  public boolean isFactoryName(Name name) {
    String n = name.toString();
    for (String prefix : factoryPrefixes) {
      if (n.startsWith(prefix)
          && (n.length() == prefix.length() || !Character.isLowerCase(n.charAt(prefix.length())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code method} ends its object's life, so it must release the object's owned fields: a
   * parameterless method named as a model {@code lifecycle-method} (or starting with one, as in
   * {@code closeConnection}) or as the class's {@code @MustCall} says, or one that carries a {@code
   * lifecycle-annotation}.
   */
  public boolean isLifecycleMethod(MethodSymbol method) {
    if (method.isStatic() || method.isConstructor()) {
      return false;
    }
    for (var a : method.getAnnotationMirrors()) {
      if (lifecycleAnnotations.contains(
          a.getAnnotationType().asElement().getSimpleName().toString())) {
        return true;
      }
    }
    if (!method.getParameters().isEmpty()) {
      return false;
    }
    String name = method.getSimpleName().toString();
    List<String> mustCall = mustCall(method.owner.type);
    if (mustCall != null && mustCall.contains(name)) {
      return true;
    }
    for (String lifecycle : lifecycleMethods) {
      // close, closeConnection, shutdownServer; not closed() or ending()
      if (name.equals(lifecycle)
          || (name.startsWith(lifecycle)
              && Character.isUpperCase(name.charAt(lifecycle.length())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the method's name marks it as a helper that closes its resource arguments: a {@code
   * closer-name} entry names it, or its name ends with a {@code closer-name *Suffix} entry's suffix
   * ({@code readBytesAndClose}) and its class is no resource (on a resource, {@code
   * out.writeAndClose(in)} would close the receiver, not the argument).
   */
  public boolean isCloser(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    if (closerNames.contains(name)) {
      return true;
    }
    for (String suffix : closerSuffixes) {
      if (name.endsWith(suffix)
          && name.length() > suffix.length()
          && !isCloseable(method.owner.type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An unchecked exception that a method documents for bad input.
   *
   * @param exception the exception's fully qualified name
   * @param guards methods that rule it out when called on the same receiver in a condition first
   */
  public record DocumentedException(String exception, List<String> guards) {}

  /**
   * The unchecked exception that {@code method} documents for bad input, if the model lists one;
   * edges for it are followed like checked exceptions.
   */
  public @Nullable DocumentedException documentedException(
      MethodSymbol method, @Nullable Type receiver) {
    ModelEntry found = null;
    if (method.isConstructor()) {
      for (ModelEntry e : throwsConstructors) {
        if (matchesConstructor(e, method)) {
          found = e;
          break;
        }
      }
    } else {
      found = find(Kind.THROWS, method, receiver);
    }
    return found == null ? null : new DocumentedException(found.argument(), found.guards());
  }

  /**
   * Whether a call of {@code method} on a receiver of static type {@code receiver} releases the
   * receiver when it throws a checked exception ({@code release-on-throw}). The receiver's type
   * must be the entry's type itself: an override in a subtype may fail after the connection is
   * made.
   */
  public boolean releasesOnThrow(MethodSymbol method, @Nullable Type receiver) {
    Map<String, List<ModelEntry>> exact = byExactName.get(Kind.RELEASE_ON_THROW);
    List<ModelEntry> candidates =
        exact == null || receiver == null ? null : exact.get(method.getSimpleName().toString());
    if (candidates == null) {
      return false;
    }
    for (ModelEntry e : candidates) {
      Type owner = resolve(e.owner());
      if (owner != null
          && types.isSameType(types.erasure(receiver), types.erasure(owner))
          && matchesWithoutOverrides(e, method, receiver)
          && compilesForRelease(e.argument())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the code is compiled for Java release {@code since} or later (always, when null): code
   * compiled for a release cannot run on an older one. A compiler that does not know the release
   * cannot target it.
   */
  private boolean compilesForRelease(@Nullable String since) {
    if (since == null) {
      return true;
    }
    Source wanted = Source.lookup(since);
    return wanted != null && Source.instance(state.context).compareTo(wanted) >= 0;
  }

  /**
   * Whether a call of {@code method}, on a receiver of static type {@code receiver}, completes
   * normally whenever its receiver and arguments are valid, as a {@code no-throw} entry says: no
   * exception edge out of it is followed. A method entry covers the method declared in its type and
   * one inherited into it (called on a receiver of that type), but not an override in a subtype,
   * which may throw.
   */
  public boolean isNoThrow(MethodSymbol method, @Nullable Type receiver) {
    if (method.isConstructor()) {
      for (ModelEntry e : noThrowConstructors) {
        if (matchesConstructor(e, method)) {
          return true;
        }
      }
      return false;
    }
    Map<String, List<ModelEntry>> exact = byExactName.get(Kind.NO_THROW);
    List<ModelEntry> candidates =
        exact == null ? null : exact.get(method.getSimpleName().toString());
    if (candidates != null) {
      for (ModelEntry e : candidates) {
        if (matchesWithoutOverrides(e, method, receiver)) {
          return true;
        }
      }
    }
    List<ModelEntry> prefixed = byPrefix.get(Kind.NO_THROW);
    if (prefixed != null) {
      for (ModelEntry e : prefixed) {
        if (e.matchesName(method.getSimpleName()) && matchesWithoutOverrides(e, method, receiver)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code exception} cannot happen when the charset argument names a standard charset. */
  public boolean isCharsetException(Type exception) {
    for (ModelEntry e : charsetExceptions) {
      Type t = resolve(e.owner());
      if (t != null && types.isSameType(types.erasure(exception), types.erasure(t))) {
        return true;
      }
    }
    return false;
  }

  /** Whether values of {@code type} name files or reach the file system. */
  public boolean isFileSystemType(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    return isSubtypeOfAny(type, fileSystemTypes);
  }

  /** Whether every Java platform supports the charset named {@code name}. */
  public boolean isStandardCharset(String name) {
    return standardCharsets.contains(name);
  }

  private @Nullable ModelEntry find(Kind kind, MethodSymbol method, @Nullable Type receiver) {
    Map<String, List<ModelEntry>> exact = byExactName.get(kind);
    if (exact != null) {
      List<ModelEntry> candidates = exact.get(method.getSimpleName().toString());
      if (candidates != null) {
        for (ModelEntry e : candidates) {
          if (matchesMethod(e, method, receiver)) {
            return e;
          }
        }
      }
    }
    List<ModelEntry> prefixed = byPrefix.get(kind);
    if (prefixed != null) {
      for (ModelEntry e : prefixed) {
        if (e.matchesName(method.getSimpleName()) && matchesMethod(e, method, receiver)) {
          return e;
        }
      }
    }
    return null;
  }

  private boolean matchesMethod(ModelEntry e, MethodSymbol method, @Nullable Type receiver) {
    if (method.isConstructor() || !paramsMatch(e, method)) {
      return false;
    }
    Type owner = resolve(e.owner());
    if (owner == null) {
      return false;
    }
    Type declaring = method.owner.type;
    if (types.isSubtype(types.erasure(declaring), types.erasure(owner))) {
      return true;
    }
    // A method inherited from a supertype, called on a receiver of the modelled type.
    return receiver != null
        && types.isSubtype(types.erasure(receiver), types.erasure(owner))
        && types.isSubtype(types.erasure(owner), types.erasure(declaring));
  }

  /**
   * As {@link #matchesMethod}, but for the method of the entry's type itself: declared there, or
   * inherited into it and called on a receiver of that type; not an override in a subtype.
   */
  private boolean matchesWithoutOverrides(
      ModelEntry e, MethodSymbol method, @Nullable Type receiver) {
    if (method.isConstructor() || !paramsMatch(e, method)) {
      return false;
    }
    Type owner = resolve(e.owner());
    if (owner == null) {
      return false;
    }
    Type erasedOwner = types.erasure(owner);
    Type declaring = types.erasure(method.owner.type);
    if (types.isSameType(declaring, erasedOwner)) {
      return true;
    }
    return receiver != null
        && types.isSubtype(types.erasure(receiver), erasedOwner)
        && types.isSubtype(erasedOwner, declaring);
  }

  private boolean matchesConstructor(ModelEntry e, MethodSymbol constructor) {
    if (!constructor.isConstructor() || !paramsMatch(e, constructor)) {
      return false;
    }
    Type owner = resolve(e.owner());
    return owner != null
        && types.isSameType(types.erasure(constructor.owner.type), types.erasure(owner));
  }

  private boolean paramsMatch(ModelEntry e, MethodSymbol method) {
    List<String> expected = e.params();
    if (expected == null) {
      return true;
    }
    var actual = method.getParameters();
    if (actual.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!types.erasure(actual.get(i).type).toString().equals(expected.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean isSubtypeOfAny(Type type, List<ModelEntry> entries) {
    for (ModelEntry e : entries) {
      if (isSubtypeOf(type, e.owner())) {
        return true;
      }
    }
    return false;
  }

  private boolean isSubtypeOf(Type type, String name) {
    Type t = resolve(name);
    return t != null && types.isSubtype(types.erasure(type), types.erasure(t));
  }

  private @Nullable Type resolve(String name) {
    return resolved
        .computeIfAbsent(name, n -> Optional.ofNullable(state.getTypeFromString(n)))
        .orElse(null);
  }
}
