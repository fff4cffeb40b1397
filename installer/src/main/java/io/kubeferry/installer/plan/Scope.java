package io.kubeferry.installer.plan;

/**
 * Where and in which order a phase's steps run. Within a host its steps always run in order; the scope orders the
 * hosts. A phase is a barrier whatever its scope: nothing of the next phase starts before this one finished
 * everywhere.
 *
 * @param bound for the parallel kinds, at most this many hosts at once (0: the runner's {@code --parallel});
 *     the runner's {@code --parallel} caps it anyway
 */
public record Scope(Kind kind, int bound) {
  /** The orders a phase can have. */
  public enum Kind {
    /** On the installer machine, once. */
    LOCAL,
    /** Every host of the phase at once, at most {@code bound}. */
    PARALLEL,
    /** One host after the other, in inventory order. */
    SERIAL,
    /** The first host alone, then the others one at a time (kubeadm init, then joins). */
    FIRST_THEN_SERIAL,
    /** The first host alone, then the others at once, at most {@code bound}. */
    FIRST_THEN_PARALLEL
  }

  public Scope {
    if (bound < 0) {
      throw new IllegalArgumentException("bound must not be negative, was " + bound);
    }
  }

  public static Scope local() {
    return new Scope(Kind.LOCAL, 1);
  }

  /** All hosts at once, at most the runner's {@code --parallel}. */
  public static Scope parallel() {
    return new Scope(Kind.PARALLEL, 0);
  }

  public static Scope parallel(int bound) {
    return new Scope(Kind.PARALLEL, bound);
  }

  public static Scope serial() {
    return new Scope(Kind.SERIAL, 1);
  }

  public static Scope firstThenSerial() {
    return new Scope(Kind.FIRST_THEN_SERIAL, 1);
  }

  public static Scope firstThenParallel(int bound) {
    return new Scope(Kind.FIRST_THEN_PARALLEL, bound);
  }

  /** True when the first host runs alone before the others start. */
  public boolean firstAlone() {
    return kind == Kind.FIRST_THEN_SERIAL || kind == Kind.FIRST_THEN_PARALLEL;
  }

  /** How many hosts (after the first, for the first-then kinds) may run at once, given the runner's cap. */
  public int width(int runnerParallel) {
    return switch (kind) {
      case LOCAL, SERIAL, FIRST_THEN_SERIAL -> 1;
      case PARALLEL, FIRST_THEN_PARALLEL -> bound == 0 ? runnerParallel : Math.min(bound, runnerParallel);
    };
  }

  /** For {@code --dry-run}: how {@code hosts} hosts, the first named {@code first}, are ordered. */
  public String describe(int hosts, String first) {
    String bounded = bound == 0 ? "" : ", at most " + bound + " at a time";
    return switch (kind) {
      case LOCAL -> "on this machine";
      case PARALLEL -> hosts + " hosts in parallel" + bounded;
      case SERIAL -> hosts + " hosts one at a time";
      case FIRST_THEN_SERIAL -> first + " first, then the other " + (hosts - 1) + " one at a time";
      case FIRST_THEN_PARALLEL -> first + " first, then the other " + (hosts - 1) + " in parallel" + bounded;
    };
  }
}
