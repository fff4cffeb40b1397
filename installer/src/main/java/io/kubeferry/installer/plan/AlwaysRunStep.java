package io.kubeferry.installer.plan;

/**
 * A read-only step (verification, checks) that runs on every install and is never checkpointed: its answer can
 * change between runs even when no input of ours did (a host's ports, clock, the bundle on disk).
 */
public interface AlwaysRunStep extends Step {
  /** Never compared: the step is not checkpointed. */
  @Override
  default String inputHash() {
    return "-";
  }

  @Override
  default boolean checkpointed() {
    return false;
  }
}
