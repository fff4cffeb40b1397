package io.kubeferry.installer.plan;

import io.kubeferry.installer.host.HostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one step of a lane, or skips it: a checkpointed step is skipped when the recorded input hash matches and
 * every output it produces is in the state directory. A step's checkpoint is recorded only after its work
 * finished, and never when the run was cancelled meanwhile, so a re-run does that step again.
 */
final class StepExecutor {
  private final RunSession session;
  private final Checkpoints checkpoints;
  private final InstallState install;

  StepExecutor(RunSession session, Checkpoints checkpoints, InstallState install) {
    this.session = session;
    this.checkpoints = checkpoints;
    this.install = install;
  }

  /** False when the step failed or was cancelled, or the run is stopping; the lane then stops. */
  boolean execute(String owner, Step step, StepContext ctx, Map<String, String> done) {
    if (!session.enter()) {
      return false;
    }
    long start = System.nanoTime();
    try {
      String note = "";
      if (step.checkpointed() && step.inputHash().equals(done.get(step.id()))) {
        List<String> missing = step.produces().stream().filter(o -> !install.has(o)).map(Output::name).toList();
        if (missing.isEmpty()) {
          session.finish(new StepResult(owner, step.id(), StepResult.Status.ALREADY_DONE, "checkpoint matches",
              elapsed(start)));
          return true;
        }
        note = "checkpoint matches but " + String.join(", ", missing) + " missing from the state directory: ran"
            + " again; ";
      }
      session.listener().stepStarted(owner, step);
      StepOutcome outcome = step.run(ctx);
      if (session.cancelled()) {
        throw new StepException(StepException.Kind.CANCELLED, "cancelled; not recorded, a re-run does it again");
      }
      if (step.checkpointed()) {
        record(step, ctx);
      }
      session.finish(new StepResult(owner, step.id(), outcome.changed() ? StepResult.Status.DONE
          : StepResult.Status.UNCHANGED, note + String.join("; ", outcome.notes()), elapsed(start)));
      return true;
    } catch (StepException e) {
      fail(owner, step.id(), e, start);
      return false;
    } catch (RuntimeException e) {
      fail(owner, step.id(), new StepException(StepException.Kind.INTERNAL, "internal error: " + e, e), start);
      return false;
    } finally {
      session.leave();
    }
  }

  private void record(Step step, StepContext ctx) throws StepException {
    if (ctx.machine().isEmpty()) {
      checkpoints.recordLocal(step);
      return;
    }
    try {
      checkpoints.recordRemote(ctx.machine().get(), step);
    } catch (HostException e) {
      throw StepException.of(e);
    }
  }

  /** Records a failure; while cancelling, any failure is the cancel's doing and reported as cancelled. */
  void fail(String owner, String step, StepException e, long start) {
    boolean cancelled = session.cancelled();
    StepException.Kind kind = cancelled ? StepException.Kind.CANCELLED : e.kind();
    StepResult.Status status = cancelled ? StepResult.Status.CANCELLED : StepResult.Status.FAILED;
    session.finish(new StepResult(owner, step, status, e.getMessage(), elapsed(start), Optional.of(kind)));
  }

  static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
