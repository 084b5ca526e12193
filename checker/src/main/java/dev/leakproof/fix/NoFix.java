package dev.leakproof.fix;

/**
 * Why a finding carries no fix. Each reason is a shape the try-with-resources rewrite leaves alone
 * because it would not compile or would change what the code does; the message tells the user.
 */
public enum NoFix {
  NOT_IN_A_BLOCK(
      "the resource is not held by a local variable declared or assigned in a block, nor used"
          + " within one statement"),
  NOT_AUTO_CLOSEABLE(
      "its type is not AutoCloseable, and it has no single release method that a finally block"
          + " could call"),
  ESCAPES("it is returned, stored, handed to another owner or captured, so it outlives any block"),
  REASSIGNED("the variable is assigned more than once"),
  SOMETIMES_NOT_OWNED("on some path the variable holds a value this method must not close"),
  USED_AFTER_CLOSE("the variable is used after it is closed, or outside the block it would need"),
  QUIET_CLOSE(
      "the code swallows exceptions from close(), which try-with-resources would throw instead"),
  CLOSE_EXCEPTION_UNHANDLED(
      "close() throws a checked exception that is neither caught nor declared where the try would"
          + " go"),
  MOVES_PAST_EFFECT(
      "the close would move past code that opens resources, touches files or lets another thread"
          + " go on"),
  CATCH_WOULD_CATCH_CLOSE(
      "a catch block of the try would also catch what close() throws, which the finally block lets"
          + " through"),
  CLOSE_IN_LOOP("a close() the rewrite would remove sits in a loop that may run again"),
  ORDER_OF_EVALUATION(
      "the acquisition is not the first thing its statement evaluates, or runs only on some paths"),
  INSIDE_ANOTHER(
      "it is opened from another resource in the same expression; the fix for that one releases"
          + " both"),
  KEPT_OPEN("what it makes stays in use after any block ends (the classes a class loader loaded)"),
  OVERLAPS(
      "another finding's fix rewrites the same lines in a way this one cannot join; fix them"
          + " together by hand"),
  LAYOUT("comments or code sharing a line with the rewritten statements would be lost"),
  UNSUPPORTED("the rewrite does not handle this shape");

  private final String why;

  NoFix(String why) {
    this.why = why;
  }

  /** One sentence fragment for the finding's message: "no automatic fix: " + why. */
  public String why() {
    return why;
  }
}
