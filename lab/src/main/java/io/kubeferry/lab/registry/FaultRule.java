package io.kubeferry.lab.registry;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault the lab front injects into the next matching requests; give it to {@link LabFront#inject(FaultRule)}.
 *
 * <p>Status faults ({@link #status}, {@link #tooManyRequests}) replace the answer of the next {@code times} requests of
 * the given kind. Body faults ({@link #cutAfter}, {@link #flipByte}) alter the next {@code times} successful (200/206)
 * bodies of the kind; with {@link Mode#REDIRECT} a body fault on {@link RequestKind#BLOB_GET} fires where the bytes are
 * served, i.e. on the blob host, while a status fault on {@code BLOB_GET} fires on the redirecting front. Rules are
 * consumed in the order injected. {@link #onPathContaining} narrows a rule to one repository or digest.
 * Thread-safe.
 */
public final class FaultRule {
  /** What the rule does. */
  public enum Action { STATUS, CUT, FLIP, STALL }

  private final RequestKind kind;
  private final Action action;
  private final int status;
  private final int retryAfterSeconds;
  private final long bytes;
  private final String pathContains;
  private final AtomicInteger remaining;
  private final AtomicInteger fired = new AtomicInteger();

  private FaultRule(RequestKind kind, Action action, int status, int retryAfterSeconds, long bytes,
      String pathContains, int times) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.action = action;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.bytes = bytes;
    this.pathContains = pathContains;
    if (times < 1) {
      throw new IllegalArgumentException("a fault rule must fire at least once (times=" + times + ")");
    }
    this.remaining = new AtomicInteger(times);
  }

  /** Answer {@code status} (e.g. 500, 503) with a small JSON error body to the next {@code times} requests of kind. */
  public static FaultRule status(RequestKind kind, int status, int times) {
    return new FaultRule(kind, Action.STATUS, status, -1, 0, null, times);
  }

  /** Answer 429 with {@code Retry-After: retryAfterSeconds} to the next {@code times} requests of kind. */
  public static FaultRule tooManyRequests(RequestKind kind, int retryAfterSeconds, int times) {
    return new FaultRule(kind, Action.STATUS, 429, retryAfterSeconds, 0, null, times);
  }

  /** Send the full headers but only the first {@code bytes} body bytes, then drop the connection. */
  public static FaultRule cutAfter(RequestKind kind, long bytes, int times) {
    return new FaultRule(kind, Action.CUT, 0, -1, bytes, null, times);
  }

  /**
   * Send the full headers and the first {@code bytes} body bytes, then go silent for {@code stallSeconds} with the
   * connection open, then drop it: a stalled transfer, which a client must time out rather than wait on forever.
   */
  public static FaultRule stallAfter(RequestKind kind, long bytes, int stallSeconds, int times) {
    return new FaultRule(kind, Action.STALL, 0, stallSeconds, bytes, null, times);
  }

  /** Flip (XOR 0x01) the body byte at {@code offset} (clamped to the last byte) of the next {@code times} bodies. */
  public static FaultRule flipByte(RequestKind kind, long offset, int times) {
    return new FaultRule(kind, Action.FLIP, 0, -1, offset, null, times);
  }

  /** A copy of this rule that only matches request paths containing {@code text} (a repository or digest). */
  public FaultRule onPathContaining(String text) {
    return new FaultRule(kind, action, status, retryAfterSeconds, bytes, Objects.requireNonNull(text), remaining.get());
  }

  public RequestKind kind() {
    return kind;
  }

  public Action action() {
    return action;
  }

  int statusCode() {
    return status;
  }

  /** Retry-After seconds of a 429 rule; for a STALL rule, how long the body stays silent. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  long bytes() {
    return bytes;
  }

  /** How many times the rule has fired so far. */
  public int fired() {
    return fired.get();
  }

  /** How many more times it will fire. */
  public int remaining() {
    return Math.max(0, remaining.get());
  }

  boolean matches(RequestKind k, String path) {
    return kind == k && (pathContains == null || path.contains(pathContains));
  }

  /** Atomically takes one firing; false when used up. */
  boolean claim() {
    if (remaining.getAndDecrement() > 0) {
      fired.incrementAndGet();
      return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return "FaultRule[" + action + " " + kind + (action == Action.STATUS ? " " + status : " " + bytes)
        + (pathContains == null ? "" : " path~" + pathContains) + ", remaining=" + remaining() + "]";
  }
}
