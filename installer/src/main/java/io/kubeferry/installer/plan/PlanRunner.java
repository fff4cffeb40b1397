package io.kubeferry.installer.plan;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.ssh.FanOut;
import io.kubeferry.installer.ssh.SshExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes a {@link Plan}: phases in order, each host phase's hosts in parallel (at most {@code parallel} at once),
 * each host's steps in order. Stops at the first failure: hosts already busy finish their current step, nothing new
 * starts, and later phases do not run. Completed checkpointed steps are recorded; a step whose checkpoint on the
 * host has the same input hash is skipped. Not thread-safe; one run at a time.
 */
public final class PlanRunner {
  /**
   * {@code stateDir}: where local checkpoints go (empty: host records only); {@code remoteCheckpointDir}: where
   * hosts keep theirs ({@link #DEFAULT_REMOTE_CHECKPOINTS} unless a test needs another place).
   */
  public record Options(int parallel, Optional<Path> stateDir, RunListener listener, String remoteCheckpointDir) {
    public Options {
      if (parallel < 1) {
        throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
      }
      if (!remoteCheckpointDir.startsWith("/")) {
        throw new IllegalArgumentException("remoteCheckpointDir must be absolute: " + remoteCheckpointDir);
      }
    }

    public Options(int parallel, Optional<Path> stateDir, RunListener listener) {
      this(parallel, stateDir, listener, DEFAULT_REMOTE_CHECKPOINTS);
    }
  }

  public static final String DEFAULT_REMOTE_CHECKPOINTS = "/var/lib/kubeferry/checkpoints";

  private final SshExecutor ssh;
  private final Options options;
  private final Checkpoints checkpoints;

  public PlanRunner(SshExecutor ssh, Options options) {
    this.ssh = ssh;
    this.options = options;
    this.checkpoints = new Checkpoints(options.stateDir(), options.remoteCheckpointDir());
  }

  /** Runs the plan; failures are in the report (never thrown). */
  public RunReport run(Plan plan) throws InterruptedException {
    List<StepResult> results = new CopyOnWriteArrayList<>();
    RunState state = new RunState();
    AtomicBoolean failed = new AtomicBoolean();
    for (Phase phase : plan.phases()) {
      options.listener().phaseStarted(phase);
      if (phase.scope() == Phase.Scope.LOCAL) {
        StepContext ctx = new StepContext(Optional.empty(), ssh, state);
        for (Step step : phase.localSteps()) {
          if (!execute("local", step, ctx, Map.of(), results)) {
            failed.set(true);
            break;
          }
        }
      } else {
        List<Map.Entry<Host, List<Step>>> hosts = new ArrayList<>(phase.hostSteps().entrySet());
        FanOut.run(hosts, options.parallel(), e -> {
          runHost(e.getKey(), e.getValue(), state, failed, results);
          return null;
        });
      }
      if (failed.get()) {
        return new RunReport(results, true);
      }
    }
    return new RunReport(results, false);
  }

  private void runHost(Host host, List<Step> steps, RunState state, AtomicBoolean failed, List<StepResult> results) {
    StepContext ctx = new StepContext(Optional.of(host), ssh, state);
    Map<String, String> done = Map.of();
    if (steps.stream().anyMatch(Step::checkpointed)) {
      long start = System.nanoTime();
      try {
        done = checkpoints.readRemote(ctx);
      } catch (StepException e) {
        fail(host.name(), "connect", e.getMessage(), start, results);
        failed.set(true);
        return;
      }
    }
    for (Step step : steps) {
      if (failed.get()) {
        return;
      }
      if (!execute(host.name(), step, ctx, done, results)) {
        failed.set(true);
        return;
      }
    }
  }

  /** Runs one step (or skips it on a matching checkpoint); false when it failed. */
  private boolean execute(String host, Step step, StepContext ctx, Map<String, String> done,
      List<StepResult> results) {
    long start = System.nanoTime();
    if (step.checkpointed() && step.inputHash().equals(done.get(step.id()))) {
      finish(new StepResult(host, step.id(), StepResult.Status.ALREADY_DONE, "checkpoint matches",
          elapsed(start)), results);
      return true;
    }
    options.listener().stepStarted(host, step);
    try {
      StepOutcome outcome = step.run(ctx);
      if (step.checkpointed()) {
        checkpoints.record(ctx, step);
      }
      String detail = String.join("; ", outcome.notes());
      finish(new StepResult(host, step.id(), outcome.changed() ? StepResult.Status.DONE
          : StepResult.Status.UNCHANGED, detail, elapsed(start)), results);
      return true;
    } catch (StepException e) {
      fail(host, step.id(), e.getMessage(), start, results);
      return false;
    } catch (RuntimeException e) {
      fail(host, step.id(), "internal error: " + e, start, results);
      return false;
    }
  }

  private void fail(String host, String step, String message, long start, List<StepResult> results) {
    finish(new StepResult(host, step, StepResult.Status.FAILED, message, elapsed(start)), results);
  }

  private void finish(StepResult r, List<StepResult> results) {
    results.add(r);
    options.listener().stepFinished(r);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
