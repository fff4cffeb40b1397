package io.kubeferry.installer.plan;

/**
 * One idempotent unit of work in a {@link Plan}. Runs either on the installer machine ({@link Scope.Kind#LOCAL})
 * or on one host. Running it twice leaves the system as running it once; the runner additionally skips a
 * checkpointed step whose {@link #inputHash()} matches the checkpoint recorded on the host.
 */
public interface Step {
  /** Stable identifier, unique within a host's plan and safe as a file name, e.g. {@code prepare.repo-file}. */
  String id();

  /** One line for {@code --dry-run} and the summary. */
  String describe();

  /**
   * A digest of everything the step's effect depends on (file contents, versions, settings). A changed input makes
   * a re-run execute the step again.
   */
  String inputHash();

  /** False for read-only steps (checks) that must run every time; they are never checkpointed. */
  default boolean checkpointed() {
    return true;
  }

  /**
   * The outputs this step stores in the install state ({@link StepContext#put}). A checkpointed step whose
   * checkpoint matches but one of whose outputs is missing from the state directory (a new or cleaned state
   * directory) runs again: steps are idempotent, and later steps need the value.
   */
  default java.util.List<Output<?>> produces() {
    return java.util.List.of();
  }

  /** Does the work; throws {@link StepException} with a one-line reason on failure. */
  StepOutcome run(StepContext ctx) throws StepException;
}
