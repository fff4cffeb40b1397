package io.kubeferry.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.Killer;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.Phase;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.plan.PlanRunner;
import io.kubeferry.installer.plan.RunListener;
import io.kubeferry.installer.plan.RunReport;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.plan.StepResult;
import io.kubeferry.installer.source.InstallSource;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.ssh.Redactor;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the installer at every boundary of the prepare phase, then a re-run with a new runner on the
 * same state directory and the same hosts, ends in exactly the state of a run that was never interrupted: the
 * same files with the same modes and generations (no file rewritten needlessly), the same services, packages and
 * kernel settings, the same checkpoints on the hosts and in the state directory. A boundary is every operation on
 * any host (command, write, upload), so it covers the gaps between steps and inside them, including the one
 * between a step's work and its checkpoint.
 */
class PrepareKillTest {
  @TempDir Path dir;

  /** Two fresh hosts and a state directory. */
  record World(Inventory inventory, Map<String, FakeMachine> hosts, Path state) {
    String snapshot() throws IOException {
      StringBuilder sb = new StringBuilder();
      hosts.forEach((n, m) -> sb.append("== ").append(n).append('\n').append(m.snapshot()));
      Path checkpoints = state.resolve("checkpoints");
      if (Files.isDirectory(checkpoints)) {
        try (Stream<Path> s = Files.walk(checkpoints)) {
          for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
            sb.append("local ").append(state.relativize(f)).append(": ").append(Files.readString(f));
          }
        }
      }
      return sb.toString();
    }

    RunReport run(Plan plan) throws InterruptedException {
      return new PlanRunner(h -> hosts.get(h.name()), new PlanRunner.Options(4,
          new InstallState(state, new Redactor()), RunListener.NONE)).run(plan);
    }
  }

  private InstallSource source;

  private World world(Path root, Killer killer) {
    Inventory inv = Fixtures.inventory();
    Map<String, FakeMachine> hosts = new LinkedHashMap<>();
    for (Host h : inv.hosts()) {
      hosts.put(h.name(), SimulatedEl7.host(h.name()).killer(killer));
    }
    return new World(inv, hosts, root.resolve("state"));
  }

  private Plan prepare(World w) {
    return new Plan(List.of(InstallPlanner.preparePhase(w.inventory(), SourceRef.of(source), w.state())));
  }

  /** The boundaries after which a kill and a re-run end in another state than an uninterrupted run. */
  private List<Integer> divergingBoundaries(BiFunction<PrepareKillTest, World, Plan> plan) throws Exception {
    source = Fixtures.source(dir.resolve("source"));
    Killer counter = new Killer(Integer.MAX_VALUE);
    World reference = world(dir.resolve("reference"), counter);
    RunReport first = reference.run(plan.apply(this, reference));
    assertTrue(first.ok(), first.table());
    int operations = counter.operations();
    String expected = reference.snapshot();
    List<Integer> diverging = new ArrayList<>();
    for (int k = 0; k < operations; k++) {
      World w = world(dir.resolve("killed-" + k), new Killer(k));
      assertThrows(Killer.Killed.class, () -> w.run(plan.apply(this, w)), "a kill after operation " + k);
      w.hosts().values().forEach(m -> m.killer(Killer.NEVER));
      RunReport again = w.run(plan.apply(this, w));
      assertTrue(again.ok(), "re-run after a kill after operation " + k + ":\n" + again.table());
      if (!w.snapshot().equals(expected)) {
        diverging.add(k);
      }
    }
    assertTrue(operations >= 60, "the phase has " + operations + " operations on 2 hosts");
    return diverging;
  }

  @Test
  void aKillAtAnyBoundaryThenAReRunEndsInTheUninterruptedState() throws Exception {
    assertEquals(List.of(), divergingBoundaries(PrepareKillTest::prepare));
  }

  @Test
  void aSecondRunSkipsEveryStepAndChangesNothing() throws Exception {
    source = Fixtures.source(dir.resolve("source"));
    World w = world(dir.resolve("w"), Killer.NEVER);
    assertTrue(w.run(prepare(w)).ok());
    String before = w.snapshot();
    w.hosts().values().forEach(FakeMachine::clearCalls);
    RunReport second = w.run(prepare(w));
    assertTrue(second.results().stream().allMatch(r -> r.status() == StepResult.Status.ALREADY_DONE),
        second.table());
    assertEquals(before, w.snapshot());
    w.hosts().values().forEach(m -> assertEquals(List.of("read-checkpoints"),
        m.calls().stream().map(FakeMachine.Call::name).toList(), "one command per host"));
  }

  /** Appends a line on every run: what a step must never do. */
  record AppendingStep() implements Step {
    @Override
    public String id() {
      return "test.append";
    }

    @Override
    public String describe() {
      return "append a line";
    }

    @Override
    public String inputHash() {
      return "1";
    }

    @Override
    public StepOutcome run(StepContext ctx) throws StepException {
      ctx.run(RemoteCommand.root("echo x >> /var/log/appended").withLabel("append"));
      return StepOutcome.didChange();
    }
  }

  @Test
  void theHarnessNoticesAStepThatIsNotIdempotent() throws Exception {
    List<Integer> diverging = divergingBoundaries((t, w) -> {
      w.hosts().values().forEach(m -> m.on("append", (f, c) -> {
        f.put("/var/log/appended", f.file("/var/log/appended").map(FakeMachine.File::content).orElse("") + "x\n",
            "0644");
        return f.result(c, 0, "", "");
      }));
      Map<Host, List<Step>> append = new LinkedHashMap<>();
      w.inventory().hosts().forEach(h -> append.put(h, List.of(new AppendingStep())));
      return new Plan(List.of(t.prepare(w).phases().get(0), Phase.hosts("append", append)));
    });
    // Killed between an append and its checkpoint, the re-run appends again (which boundaries those are depends
    // on how the two hosts interleave); none is in the prepare phase, which comes first.
    assertFalse(diverging.isEmpty());
    assertTrue(diverging.stream().allMatch(k -> k >= 60), diverging.toString());
  }
}
