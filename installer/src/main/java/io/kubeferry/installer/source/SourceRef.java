package io.kubeferry.installer.source;

import io.kubeferry.installer.plan.StepException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The install source as known at run time: set by the verify step once the bundle passed verification, read by the
 * steps after it. Steps built before verification (the plan is printed before anything runs) hold this reference.
 * Thread-safe.
 */
public final class SourceRef {
  private final AtomicReference<InstallSource> source = new AtomicReference<>();

  /** A reference already holding a verified source (tests, or a source verified before planning). */
  public static SourceRef of(InstallSource s) {
    SourceRef r = new SourceRef();
    r.set(s);
    return r;
  }

  public void set(InstallSource s) {
    source.set(s);
  }

  /** The verified source; a step running before verification is a plan bug, reported as a step failure. */
  public InstallSource get() throws StepException {
    InstallSource s = source.get();
    if (s == null) {
      throw new StepException("could not use the bundle: it has not been verified yet (run the verify phase)");
    }
    return s;
  }
}
