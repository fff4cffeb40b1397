package io.kubeferry.installer.plan;

import io.kubeferry.installer.host.HostException;
import io.kubeferry.installer.host.Machine;
import io.kubeferry.installer.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a phase's lanes (the local steps, or one host's steps) in the order its {@link Scope} sets, each lane's
 * steps in order on a worker thread, and returns when every lane ended: the phase barrier. Steps never run on the
 * caller's thread, so a cancel interrupts workers only.
 */
final class Lanes {
  /** The steps of one host, or of the installer machine ({@code host} empty). */
  private record Lane(String owner, Optional<Host> host, List<Step> steps) {}

  private final RunSession session;
  private final StepExecutor executor;
  private final Checkpoints checkpoints;
  private final Function<Host, ? extends Machine> machines;
  private final RunState state;
  private final InstallState install;
  private final int parallel;

  Lanes(RunSession session, StepExecutor executor, Checkpoints checkpoints, Function<Host, ? extends Machine> machines,
      RunState state, InstallState install, int parallel) {
    this.session = session;
    this.executor = executor;
    this.checkpoints = checkpoints;
    this.machines = machines;
    this.state = state;
    this.install = install;
    this.parallel = parallel;
  }

  void run(Phase phase) throws InterruptedException {
    if (phase.local()) {
      run(List.of(new Lane("local", Optional.empty(), phase.localSteps())), 1);
      return;
    }
    List<Lane> lanes = new ArrayList<>();
    phase.hostSteps().forEach((h, steps) -> lanes.add(new Lane(h.name(), Optional.of(h), steps)));
    int width = phase.scope().width(parallel);
    if (phase.scope().firstAlone()) {
      run(lanes.subList(0, 1), 1);
      if (!session.stopping()) {
        run(lanes.subList(1, lanes.size()), width);
      }
    } else {
      run(lanes, width);
    }
  }

  private void run(List<Lane> lanes, int width) throws InterruptedException {
    if (lanes.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(width, lanes.size()), r -> {
      Thread t = new Thread(r, "plan-worker");
      t.setDaemon(true);
      return t;
    });
    for (Lane lane : lanes) {
      pool.submit(() -> {
        long start = System.nanoTime();
        try {
          runLane(lane);
        } catch (Error e) {
          session.fatal(e); // the run ends as it is, nothing more recorded (see PlanRunner)
        } catch (RuntimeException e) { // a bug outside any step (e.g. no machine for a host): never silent
          executor.fail(lane.owner(), "start", new StepException(StepException.Kind.INTERNAL, "internal error: "
              + e, e), start);
        }
      });
    }
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        // a long step (a big upload, dnf) is still running: keep waiting
      }
    } catch (InterruptedException e) {
      session.cancel();
      pool.shutdownNow();
      throw e;
    }
  }

  private void runLane(Lane lane) {
    if (session.stopping()) {
      return;
    }
    Optional<Machine> machine = lane.host().map(machines);
    StepContext ctx = new StepContext(lane.host(), machine, state, install);
    Map<String, String> done;
    long start = System.nanoTime();
    if (!session.enter()) {
      return;
    }
    try {
      done = lane.steps().stream().noneMatch(Step::checkpointed) ? Map.of()
          : machine.isPresent() ? checkpoints.readRemote(machine.get()) : checkpoints.readLocal();
    } catch (HostException e) {
      executor.fail(lane.owner(), "connect", StepException.of(e), start);
      return;
    } catch (StepException e) {
      executor.fail(lane.owner(), "checkpoints", e, start);
      return;
    } finally {
      session.leave();
    }
    for (Step step : lane.steps()) {
      if (!executor.execute(lane.owner(), step, ctx, done)) {
        return;
      }
    }
  }
}
