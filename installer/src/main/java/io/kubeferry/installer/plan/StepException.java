package io.kubeferry.installer.plan;

import io.kubeferry.installer.host.HostException;

/**
 * A step that failed; the message is one line saying what could not be done and why, and {@link #kind()} says what
 * sort of failure it is, which decides the CLI's exit code.
 */
public final class StepException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What sort of failure; the CLI maps it to an exit code. */
  public enum Kind {
    /** Something that must be intact is not: a bad signature or digest (exit 3). */
    INTEGRITY,
    /** The user asked for something impossible: inventory, options, settings (exit 2). */
    USAGE,
    /** The environment failed: a host (refused, unreachable, a command failed) or a local file (exit 1). */
    HOST,
    /** A command or transfer ran out of time (exit 1). */
    TIMEOUT,
    /** The run was cancelled (Ctrl-C) while the step ran; nothing was recorded, a re-run resumes (exit 130). */
    CANCELLED,
    /** A bug in kubeferry (a plan or step that breaks its own rules) (exit 1). */
    INTERNAL
  }

  private final Kind kind;

  /** A host-side failure; most step failures are. */
  public StepException(String message) {
    this(Kind.HOST, message);
  }

  public StepException(String message, Throwable cause) {
    this(Kind.HOST, message, cause);
  }

  public StepException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StepException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** The step failure for a failed host operation, keeping its message and telling timeouts and cancels apart. */
  public static StepException of(HostException e) {
    Kind k = switch (e.kind()) {
      case TIMEOUT -> Kind.TIMEOUT;
      case CANCELLED -> Kind.CANCELLED;
      default -> Kind.HOST;
    };
    return new StepException(k, e.getMessage(), e);
  }

  public Kind kind() {
    return kind;
  }
}
