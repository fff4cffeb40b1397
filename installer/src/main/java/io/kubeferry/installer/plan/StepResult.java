package io.kubeferry.installer.plan;

import java.time.Duration;
import java.util.Optional;

/**
 * How one step went on one host ({@code host} is {@code "local"} for local steps); {@code failure} is the kind of a
 * failed or cancelled step.
 */
public record StepResult(String host, String step, Status status, String detail, Duration elapsed,
    Optional<StepException.Kind> failure) {
  /** Outcome categories shown in the summary. */
  public enum Status {
    /** Ran and changed something. */
    DONE,
    /** Ran and found everything already in place. */
    UNCHANGED,
    /** Skipped: the host's checkpoint has the same input hash. */
    ALREADY_DONE,
    /** Ran and failed; {@code detail} says why. */
    FAILED,
    /** Was running when the run was cancelled; not recorded, so a re-run does it again. */
    CANCELLED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** A result that is not a failure. */
  public StepResult(String host, String step, Status status, String detail, Duration elapsed) {
    this(host, step, status, detail, elapsed, Optional.empty());
  }

  public boolean failed() {
    return status == Status.FAILED || status == Status.CANCELLED;
  }
}
