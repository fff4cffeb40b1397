package io.kubeferry.installer.host;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends a run abruptly, as {@code kill -9} would: after {@code allowed} operations on any of the machines sharing
 * it, every further operation throws {@link Killed} (an Error: nothing in the runner catches it, nothing is
 * recorded after it). The operation that throws does not happen.
 */
public final class Killer {
  /** Never kills. */
  public static final Killer NEVER = new Killer(Integer.MAX_VALUE);

  /** The simulated death. */
  public static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("killed (simulated kill -9)");
    }
  }

  private final int allowed;
  private final AtomicInteger done = new AtomicInteger();

  public Killer(int allowed) {
    this.allowed = allowed;
  }

  void beforeOperation() {
    if (done.getAndIncrement() >= allowed) {
      throw new Killed();
    }
  }

  /** Operations attempted so far (for counting a run's operations with {@link #NEVER}-like killers). */
  public int operations() {
    return done.get();
  }
}
