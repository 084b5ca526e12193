package dev.leakproof.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a model file: what a library type or member means for resource ownership.
 *
 * <p>A target is a type ({@code java.io.StringReader}), a constructor ({@code
 * java.util.Scanner(java.lang.String)}) or a method ({@code java.nio.file.Files#newInputStream},
 * optionally with parameter types). A method name may end with {@code *} to match a prefix.
 *
 * @param kind what the entry says
 * @param owner the fully qualified type the entry is about
 * @param method the method name pattern, or null for type and constructor entries
 * @param params erased, fully qualified parameter types, or null to match any parameter list
 * @param argument the kind-specific argument (an exception type, a name), or null
 * @param guards for {@code throws}: names of methods that, called on the same receiver in a
 *     condition around or before the call, rule the exception out ({@code hasNext}); may be empty
 * @param origin where the entry was read, as {@code file:line}, for error messages
 */
public record ModelEntry(
    Kind kind,
    String owner,
    @Nullable String method,
    @Nullable List<String> params,
    @Nullable String argument,
    List<String> guards,
    String origin) {

  public ModelEntry {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(owner);
    Objects.requireNonNull(origin);
    params = params == null ? null : List.copyOf(params);
    guards = List.copyOf(guards);
  }

  /** Whether this entry is about a constructor of {@link #owner}. */
  public boolean isConstructor() {
    return method == null && params != null;
  }

  /** Whether this entry is about the type {@link #owner} itself. */
  public boolean isType() {
    return method == null && params == null;
  }

  /** Whether a method named {@code name} matches this entry's method pattern. */
  public boolean matchesName(CharSequence name) {
    if (method == null) {
      return false;
    }
    String n = name.toString();
    return method.endsWith("*")
        ? n.startsWith(method.substring(0, method.length() - 1))
        : method.equals(n);
  }

  /** The kinds of entries, with the keyword that starts their line in a model file. */
  public enum Kind {
    /**
     * Values of this type must be released although it is not {@code AutoCloseable} (a logging
     * {@code FileHandler}; {@code Inflater} before JDK 25); its release methods need their own
     * {@code release} entries.
     */
    RESOURCE("resource", Target.TYPE, false),
    /**
     * Values of this type, made by this constructor or returned by this method, are never resources
     * on their own (a method entry: a view that holds nothing of its own, whatever its name says).
     */
    NOT_RESOURCE("not-resource", Target.ANY, false),
    /** The method returns a fresh resource that the caller owns. */
    ACQUIRE("acquire", Target.METHOD, false),
    /** The result shares the receiver's obligation: closing either releases both. */
    ALIAS("alias", Target.METHOD, false),
    /**
     * The result is a resource that closing the receiver also releases (a JDBC statement of its
     * connection, a zip entry stream of its zip file).
     */
    CHILD("child", Target.METHOD, false),
    /** Calling the method on a resource releases it. */
    RELEASE("release", Target.METHOD, false),
    /** The method releases every resource passed to it as an argument. */
    CLOSER("closer", Target.METHOD, false),
    /**
     * A method of any class with this exact name and a resource parameter releases it; a name that
     * starts with {@code *} matches that ending, in classes that are not resources themselves.
     */
    CLOSER_NAME("closer-name", Target.NAME, false),
    /** A method whose name starts with this prefix and that returns a resource is a factory. */
    FACTORY_PREFIX("factory-prefix", Target.NAME, false),
    /** Passing a resource to the method hands ownership over (collections, closers). */
    TAKES_OWNERSHIP("takes-ownership", Target.METHOD, false),
    /**
     * The method is a setter of a builder: its receiver keeps the resources passed to it, and it
     * returns the receiver, so the result holds them too. A resource the builder then builds with
     * an {@code alias} method ({@code get()}) wraps them.
     */
    BUILDER_SETTER("builder-setter", Target.METHOD, false),
    /**
     * An object of the method's type made by one of its constructors holds nothing until the method
     * is called on it; from that call on it is a resource to release as usual (PDFBox's {@code
     * SignatureOptions} once given a visual signature). Only constructors of the type itself are
     * covered: a subclass may acquire in its own.
     */
    RESOURCE_AFTER("resource-after", Target.METHOD, false),
    /**
     * The method tells whether its receiver is already released: where it returned true, nothing is
     * left to close ({@code if (!socket.isClosed()) socket.close()}).
     */
    CLOSED_TEST("closed-test", Target.METHOD, false),
    /** The method tells whether its receiver is still open: where it returned false, it is not. */
    OPEN_TEST("open-test", Target.METHOD, false),
    /**
     * When a call of the method throws a checked exception, its receiver is released: a channel
     * whose {@code connect} fails is closed. Only calls on a receiver whose static type is the
     * entry's type are covered: a subtype may override the method and fail after it succeeded. An
     * optional argument names the first Java release it holds for; the entry then applies only to
     * code compiled for that release or later ({@code Socket#connect 24}).
     */
    RELEASE_ON_THROW("release-on-throw", Target.METHOD, false),
    /**
     * The method throws this unchecked exception on bad input; such exceptions are followed, unless
     * an optional guard method (names separated by |) was called on the same receiver in a
     * condition around or before the call.
     */
    THROWS("throws", Target.METHOD_OR_CONSTRUCTOR, true),
    /**
     * The method or constructor completes normally whenever its receiver and arguments are valid
     * (not null, in range), though it declares a checked exception or could throw an unchecked one:
     * no exception edge out of its calls is followed ({@code new JarOutputStream(out)}, {@code
     * Arrays.fill(key, (char) 0)}). A method entry matches the method as declared in the named type
     * or inherited into it, not an override in a subtype, which may throw.
     */
    NO_THROW("no-throw", Target.METHOD_OR_CONSTRUCTOR, false),
    /**
     * This checked exception cannot happen when the call passes a string literal that names a
     * charset every Java platform supports.
     */
    CHARSET_EXCEPTION("charset-exception", Target.TYPE, false),
    /** A charset name that every Java platform supports. */
    STANDARD_CHARSET("standard-charset", Target.NAME, false),
    /**
     * Values of this type name files, or calls on it reach the file system: a fix never moves a
     * close past code that uses them, since that code could see the file still open.
     */
    FILE_SYSTEM("file-system", Target.TYPE, false),
    /**
     * This type's own {@code close()} does nothing: a subtype that does not override it holds
     * nothing that must be released.
     */
    TRIVIAL_CLOSE("trivial-close", Target.TYPE, false),
    /**
     * A method of this name with no parameters ends an object's life: it must release what the
     * object's owned fields hold ({@code close}, {@code stop}, {@code shutdown}).
     */
    LIFECYCLE_METHOD("lifecycle-method", Target.NAME, false),
    /**
     * A method with an annotation of this simple name ends an object's life ({@code PreDestroy}, a
     * test framework's {@code AfterEach}).
     */
    LIFECYCLE_ANNOTATION("lifecycle-annotation", Target.NAME, false),
    /**
     * The method acquires a lock on its receiver that one of the argument's methods ({@code
     * unlock}) must release on every path ({@code UnreleasedLock}).
     */
    HOLD("hold", Target.METHOD, true),
    /**
     * As {@link #HOLD}, but the lock is held only where the call returned true ({@code tryLock}).
     */
    HOLD_IF_TRUE("hold-if-true", Target.METHOD, true),
    /**
     * As {@link #HOLD}, but the call returns a stamp that the release takes as its first argument
     * ({@code StampedLock.writeLock} and {@code unlockWrite(stamp)}).
     */
    HOLD_STAMP("hold-stamp", Target.METHOD, true),
    /**
     * The method changes state of its receiver (or of its class, for a static method) that one of
     * the argument's methods must restore on every path, once the method restores it on some path
     * ({@code UnrestoredState}).
     */
    RESTORE("restore", Target.METHOD, true),
    /**
     * As {@link #RESTORE}, for state keyed by the first argument: {@code MDC.put(key, v)} and
     * {@code MDC.remove(key)}; a release method without arguments ({@code MDC.clear}) restores
     * every key.
     */
    RESTORE_ARG("restore-arg", Target.METHOD, true),
    /**
     * The call returns true while the current thread holds its receiver lock: where it returned
     * false, nothing is held ({@code if (lock.isHeldByCurrentThread()) lock.unlock();}).
     */
    HELD_TEST("held-test", Target.METHOD, false),
    /**
     * The call lets another thread go on (an unlock, a signal, a hand-off to a queue or an
     * executor): a fix never moves a close past it, since that thread may expect the resource
     * closed.
     */
    THREAD_HANDOFF("thread-handoff", Target.METHOD, false),
    /**
     * What values of this type made stays in use after any block ends (the classes a class loader
     * loaded): a resource of this type gets no try-with-resources fix.
     */
    KEEP_OPEN("keep-open", Target.TYPE, false);

    /** Whether the argument is a list of method names ({@code unlock|unlockWrite}), not a type. */
    public boolean takesMethodNames() {
      return this == HOLD
          || this == HOLD_IF_TRUE
          || this == HOLD_STAMP
          || this == RESTORE
          || this == RESTORE_ARG;
    }

    private final String keyword;
    private final Target target;
    private final boolean needsArgument;

    Kind(String keyword, Target target, boolean needsArgument) {
      this.keyword = keyword;
      this.target = target;
      this.needsArgument = needsArgument;
    }

    public String keyword() {
      return keyword;
    }

    Target target() {
      return target;
    }

    boolean needsArgument() {
      return needsArgument;
    }
  }

  /** What the second word of an entry must be. */
  enum Target {
    TYPE,
    /** A type, a constructor or a method. */
    ANY,
    METHOD,
    METHOD_OR_CONSTRUCTOR,
    NAME
  }
}
