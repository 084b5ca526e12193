package dev.leakproof.analysis;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.Tree;
import javax.lang.model.element.VariableElement;

/**
 * One resource acquired in a unit and not released on some path.
 *
 * @param site the acquisition expression, where the finding is reported
 * @param onExceptionOnly true when every normal path releases it and only an exception edge leaks
 *     it ({@code ResourceLeakOnException}); false when a normal path leaks it
 * @param witness the event on the leaking path that the message names
 * @param variables every local variable that ever held the resource (or a wrapper of it)
 * @param temporaries every expression whose value was the resource or a wrapper of it
 */
public record Leak(
    Tree site,
    boolean onExceptionOnly,
    Witness witness,
    ImmutableSet<VariableElement> variables,
    ImmutableSet<Tree> temporaries) {}
