package io.kubeferry.installer.plan;

import io.kubeferry.installer.host.Machine;
import io.kubeferry.installer.inventory.Host;
import java.util.Objects;
import java.util.function.Function;

/**
 * Executes a {@link Plan}: phases in order, each a barrier; within a phase the hosts in the order of its
 * {@link Scope} (at most {@code parallel} at once), each host's steps in order. Stops at the first failure: hosts
 * already busy finish their current step, nothing new starts, and later phases do not run. {@link #cancel()} stops
 * the run the same way and interrupts the running steps, whose checkpoints are then not recorded. An
 * {@link Error} thrown by a step ends the run at once, as a killed process would: it is rethrown from
 * {@link #run}, with nothing recorded after it. One run per instance.
 */
public final class PlanRunner {
  /**
   * {@code state}: the install state directory (outputs, local checkpoints and the mirror of host checkpoints);
   * {@code remoteCheckpointDir}: where hosts keep theirs ({@link #DEFAULT_REMOTE_CHECKPOINTS} unless a test needs
   * another place).
   */
  public record Options(int parallel, InstallState state, RunListener listener, String remoteCheckpointDir) {
    public Options {
      if (parallel < 1) {
        throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
      }
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(listener, "listener");
      if (!remoteCheckpointDir.startsWith("/")) {
        throw new IllegalArgumentException("remoteCheckpointDir must be absolute: " + remoteCheckpointDir);
      }
    }

    public Options(int parallel, InstallState state, RunListener listener) {
      this(parallel, state, listener, DEFAULT_REMOTE_CHECKPOINTS);
    }
  }

  public static final String DEFAULT_REMOTE_CHECKPOINTS = "/var/lib/kubeferry/checkpoints";

  private final Function<Host, ? extends Machine> machines;
  private final Options options;
  private volatile boolean cancelRequested;
  private volatile RunSession session;

  /** {@code machines}: the machine each inventory host is reached through. */
  public PlanRunner(Function<Host, ? extends Machine> machines, Options options) {
    this.machines = machines;
    this.options = options;
  }

  /** Runs the plan; failures and a cancel are in the report (never thrown). */
  public RunReport run(Plan plan) throws InterruptedException {
    RunSession s = new RunSession(options.listener(), options.state().redactor());
    session = s;
    if (cancelRequested) {
      s.cancel();
    }
    Checkpoints checkpoints = new Checkpoints(options.state().dir(), options.remoteCheckpointDir());
    Lanes lanes = new Lanes(s, new StepExecutor(s, checkpoints, options.state()), checkpoints, machines,
        new RunState(), options.state(), options.parallel());
    for (Phase phase : plan.phases()) {
      if (s.stopping()) {
        break;
      }
      options.listener().phaseStarted(phase);
      lanes.run(phase);
      s.rethrowFatal();
    }
    return new RunReport(s.results(), s.failed() || s.cancelled(), s.cancelled());
  }

  /**
   * Cancels the run (from any thread, e.g. a signal handler): no new step starts, running steps are interrupted
   * and not recorded, so a re-run resumes. {@link #run} then returns its report.
   */
  public void cancel() {
    cancelRequested = true;
    RunSession s = session;
    if (s != null) {
      s.cancel();
    }
  }
}
