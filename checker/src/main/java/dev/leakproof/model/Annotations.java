package dev.leakproof.model;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import org.jspecify.annotations.Nullable;

/**
 * The ownership annotations that projects already use, read by simple name so that any package (and
 * no Leakproof jar) will do: Error Prone's {@code @MustBeClosed}, and checker-qual's
 * {@code @Owning}, {@code @NotOwning}, {@code @MustCallAlias}, {@code @MustCall},
 * {@code @InheritableMustCall} and {@code @EnsuresCalledMethods}. See {@code docs/annotations.md}.
 */
public final class Annotations {
  private Annotations() {}

  /**
   * The caller owns what the method or constructor returns: {@code @MustBeClosed}, {@code @Owning}.
   */
  public static boolean returnsOwned(MethodSymbol m) {
    return has(m, "MustBeClosed") || (!m.isConstructor() && has(m, "Owning"));
  }

  /** The caller does not own the result: {@code @NotOwning} on the method. */
  public static boolean returnsNotOwned(MethodSymbol m) {
    return has(m, "NotOwning");
  }

  /** The callee takes ownership of parameter {@code i}: {@code @Owning}. */
  public static boolean owningParameter(MethodSymbol m, int i) {
    return i < m.getParameters().size() && has(m.getParameters().get(i), "Owning");
  }

  /** Whether the symbol (a parameter, a field) is declared {@code @Owning}. */
  public static boolean isOwning(Symbol s) {
    return has(s, "Owning");
  }

  /** Whether the symbol (a parameter, a field) is declared {@code @NotOwning}. */
  public static boolean isNotOwning(Symbol s) {
    return has(s, "NotOwning");
  }

  /**
   * The parameter whose obligation the result shares ({@code @MustCallAlias} on both the method or
   * constructor and one parameter), or -1.
   */
  public static int mustCallAliasParameter(MethodSymbol m) {
    if (!has(m, "MustCallAlias")) {
      return -1;
    }
    for (int i = 0; i < m.getParameters().size(); i++) {
      if (has(m.getParameters().get(i), "MustCallAlias")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The methods that values of {@code type} must have called on them, from {@code @MustCall} on the
   * type use or {@code @MustCall}/{@code @InheritableMustCall} on the class or a supertype; null
   * when no such annotation applies, and an empty list for {@code @MustCall({})}.
   */
  public static @Nullable List<String> mustCallMethods(@Nullable Type type, Types types) {
    if (type == null || type.isPrimitive()) {
      return null;
    }
    List<String> onUse = values(find(type.getAnnotationMirrors(), "MustCall"));
    if (onUse != null) {
      return onUse;
    }
    for (Type t : types.closure(types.erasure(type))) {
      if (t.tsym == null) {
        continue;
      }
      List<? extends AnnotationMirror> declared = t.tsym.getAnnotationMirrors();
      List<String> methods = values(find(declared, "MustCall"));
      if (methods == null) {
        methods = values(find(declared, "InheritableMustCall"));
      }
      if (methods != null) {
        return methods;
      }
    }
    return null;
  }

  /**
   * The parameters that {@code @EnsuresCalledMethods(value = "#1", methods = "close")} on {@code m}
   * says are released when it returns normally (0-based), for the given release method names.
   */
  public static List<Integer> releasedParameters(MethodSymbol m, List<String> releaseNames) {
    List<Integer> released = new ArrayList<>();
    for (String target : ensuredTargets(m, releaseNames)) {
      if (target.startsWith("#")) {
        try {
          released.add(Integer.parseInt(target.substring(1)) - 1);
        } catch (NumberFormatException e) {
          // not a parameter reference
        }
      } else {
        for (int i = 0; i < m.getParameters().size(); i++) {
          if (m.getParameters().get(i).getSimpleName().contentEquals(target)) {
            released.add(i);
          }
        }
      }
    }
    return released;
  }

  /**
   * The fields of {@code this} that {@code @EnsuresCalledMethods(value = "this.f", methods =
   * "close")} on {@code m} says are released when it returns normally.
   */
  public static List<String> releasedFields(MethodSymbol m, List<String> releaseNames) {
    List<String> fields = new ArrayList<>();
    for (String target : ensuredTargets(m, releaseNames)) {
      if (target.startsWith("this.")) {
        fields.add(target.substring("this.".length()));
      } else if (!target.startsWith("#")) {
        fields.add(target);
      }
    }
    return fields;
  }

  private static List<String> ensuredTargets(MethodSymbol m, List<String> releaseNames) {
    List<String> targets = new ArrayList<>();
    for (AnnotationMirror a : m.getAnnotationMirrors()) {
      String name = a.getAnnotationType().asElement().getSimpleName().toString();
      List<AnnotationMirror> each = new ArrayList<>();
      if (name.equals("EnsuresCalledMethods")) {
        each.add(a);
      } else if (name.equals("List")
          && a.getAnnotationType()
              .asElement()
              .getEnclosingElement()
              .getSimpleName()
              .contentEquals("EnsuresCalledMethods")) {
        // The container of repeated @EnsuresCalledMethods annotations.
        List<Object> repeated = rawValues(a, "value");
        for (Object o : repeated) {
          if (o instanceof AnnotationMirror inner) {
            each.add(inner);
          }
        }
      }
      for (AnnotationMirror e : each) {
        List<String> methods = strings(rawValues(e, "methods"));
        if (methods.stream().anyMatch(releaseNames::contains)) {
          targets.addAll(strings(rawValues(e, "value")));
        }
      }
    }
    return targets;
  }

  private static boolean has(Symbol s, String simpleName) {
    return find(s.getAnnotationMirrors(), simpleName) != null;
  }

  private static @Nullable AnnotationMirror find(
      List<? extends AnnotationMirror> annotations, String simpleName) {
    for (AnnotationMirror a : annotations) {
      if (a.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return a;
      }
    }
    return null;
  }

  /** The string values of {@code value}, or null when there is no annotation. */
  private static @Nullable List<String> values(@Nullable AnnotationMirror a) {
    return a == null ? null : strings(rawValues(a, "value"));
  }

  private static List<Object> rawValues(AnnotationMirror a, String element) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(element)) {
        Object v = e.getValue().getValue();
        List<Object> out = new ArrayList<>();
        if (v instanceof List<?> list) {
          for (Object item : list) {
            out.add(item instanceof AnnotationValue av ? av.getValue() : item);
          }
        } else {
          out.add(v);
        }
        return out;
      }
    }
    return List.of();
  }

  private static List<String> strings(List<Object> raw) {
    List<String> out = new ArrayList<>();
    for (Object o : raw) {
      if (o instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }
}
