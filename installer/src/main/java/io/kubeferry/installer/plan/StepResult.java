package io.kubeferry.installer.plan;

import java.time.Duration;

/** How one step went on one host ({@code host} is {@code "local"} for local steps). */
public record StepResult(String host, String step, Status status, String detail, Duration elapsed) {
  /** Outcome categories shown in the summary. */
  public enum Status {
    /** Ran and changed something. */
    DONE,
    /** Ran and found everything already in place. */
    UNCHANGED,
    /** Skipped: the host's checkpoint has the same input hash. */
    ALREADY_DONE,
    /** Ran and failed; {@code detail} says why. */
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
