package io.kubeferry.installer.plan;

/** Progress of a plan run. Called from worker threads; implementations must be thread-safe. No-op defaults. */
public interface RunListener {
  default void phaseStarted(Phase phase) {}

  default void stepStarted(String host, Step step) {}

  default void stepFinished(StepResult result) {}

  RunListener NONE = new RunListener() {};
}
