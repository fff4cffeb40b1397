package io.kubeferry.installer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.inventory.SshSettings;
import io.kubeferry.installer.ssh.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scopes, barriers, fail-fast, local checkpoints and failure kinds, on fake hosts. */
class PlanRunnerTest {
  @TempDir Path dir;
  final Map<String, FakeMachine> machines = new ConcurrentHashMap<>();

  static List<Host> hosts(int n) {
    List<Host> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(new Host("h" + i, "10.0.0." + i, new SshSettings("root", 22, Path.of("/k")), false,
          Set.of(Role.WORKER)));
    }
    return out;
  }

  PlanRunner runner(int parallel) {
    return new PlanRunner(h -> machines.computeIfAbsent(h.name(), FakeMachine::new),
        new PlanRunner.Options(parallel, new InstallState(dir.resolve("state"), new Redactor()), RunListener.NONE));
  }

  static Map<Host, List<Step>> each(List<Host> hosts, Step step) {
    Map<Host, List<Step>> m = new LinkedHashMap<>();
    hosts.forEach(h -> m.put(h, List.of(step)));
    return m;
  }

  @Test
  void firstThenSerialRunsTheFirstHostAloneThenTheOthersOneAtATime() throws Exception {
    TestSteps.Timeline t = new TestSteps.Timeline();
    Plan plan = new Plan(List.of(Phase.hosts("join", Scope.firstThenSerial(), each(hosts(3), t.step("s", 30)))));
    assertTrue(runner(10).run(plan).ok());
    assertEquals(List.of("start h1", "end h1", "start h2", "end h2", "start h3", "end h3"), t.events);
  }

  @Test
  void firstThenParallelWaitsForTheFirstThenRunsTheRestTogether() throws Exception {
    TestSteps.Timeline t = new TestSteps.Timeline();
    Plan plan = new Plan(List.of(Phase.hosts("join", Scope.firstThenParallel(3), each(hosts(4),
        t.step("s", 150)))));
    assertTrue(runner(10).run(plan).ok());
    assertEquals(List.of("start h1", "end h1"), t.events.subList(0, 2));
    assertEquals(3, t.maxRunning.get(), t.events.toString());
  }

  @Test
  void parallelIsBoundedByTheScopeAndByTheRunner() throws Exception {
    TestSteps.Timeline t = new TestSteps.Timeline();
    assertTrue(runner(10).run(new Plan(List.of(Phase.hosts("p", Scope.parallel(2), each(hosts(5),
        t.step("s", 100)))))).ok());
    assertEquals(2, t.maxRunning.get());
    TestSteps.Timeline u = new TestSteps.Timeline();
    assertTrue(runner(3).run(new Plan(List.of(Phase.hosts("p", Scope.parallel(), each(hosts(5),
        u.step("s2", 100)))))).ok());
    assertEquals(3, u.maxRunning.get(), "--parallel caps an unbounded scope");
  }

  @Test
  void aPhaseIsABarrier() throws Exception {
    TestSteps.Timeline t = new TestSteps.Timeline();
    List<Host> hosts = hosts(3);
    Map<Host, List<Step>> first = new LinkedHashMap<>();
    first.put(hosts.get(0), List.of(t.step("slow", 200)));
    first.put(hosts.get(1), List.of(t.step("fast", 1)));
    Plan plan = new Plan(List.of(Phase.hosts("one", first), Phase.hosts("two", each(hosts, t.step("s", 1)))));
    assertTrue(runner(10).run(plan).ok());
    assertEquals("end h1", t.events.get(3), "phase two starts after the slow host of phase one: " + t.events);
  }

  @Test
  void failFastStopsNewWorkAndLaterPhasesWithTheFirstFailuresKind() throws Exception {
    List<Host> hosts = hosts(2);
    Map<Host, List<Step>> one = new LinkedHashMap<>();
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    Step failing = TestSteps.failing("configure", StepException.Kind.USAGE);
    one.put(hosts.get(0), List.of(new TestSteps.Lambda("configure", ctx -> {
      try {
        busy.await(); // h2 is inside its step when h1 fails
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      failing.run(ctx);
    }), TestSteps.command("after", "after")));
    one.put(hosts.get(1), List.of(new TestSteps.Lambda("busy", ctx -> {
      busy.countDown();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }), TestSteps.command("next", "next")));
    Plan plan = new Plan(List.of(Phase.hosts("one", one), Phase.hosts("two", each(hosts,
        TestSteps.command("later", "later")))));
    RunReport r = runner(10).run(plan);
    assertFalse(r.ok());
    assertTrue(r.stopped());
    assertEquals(Set.of("configure", "busy"), Set.copyOf(r.results().stream().map(StepResult::step).toList()),
        "h2 finishes its busy step, starts nothing after it, phase two never starts: " + r.table());
    assertEquals(StepException.Kind.USAGE, r.failureKind().orElseThrow());
    assertEquals("could not configure: because (input x)", r.failures().get(0).detail());
    assertEquals(List.of(), machines.get("h1").effects(), "no command after the failure on h1");
  }

  @Test
  void hostStepsAreRecordedOnTheHostAndMirroredAfterTheirWork() throws Exception {
    Host h = hosts(1).get(0);
    FakeMachine m = machines.computeIfAbsent("h1", FakeMachine::new).answer("work", 0, "");
    Plan plan = new Plan(List.of(Phase.hosts("p", each(List.of(h), TestSteps.command("s1", "work")))));
    assertTrue(runner(1).run(plan).ok());
    assertEquals(List.of("run read-checkpoints", "run work", "write /var/lib/kubeferry/checkpoints/s1"),
        m.calls().stream().map(c -> c.op() + " " + c.name()).toList());
    assertEquals("h-s1\n", m.file("/var/lib/kubeferry/checkpoints/s1").orElseThrow().content());
    assertEquals("h-s1\n", Files.readString(dir.resolve("state/checkpoints/h1/s1")));
    m.clearCalls();
    RunReport again = runner(1).run(plan);
    assertEquals(StepResult.Status.ALREADY_DONE, again.results().get(0).status());
    assertEquals(1, m.calls().size(), "only the checkpoints were read");
  }

  @Test
  void localStepsAreCheckpointedInTheStateDirectory() throws Exception {
    List<String> ran = new ArrayList<>();
    Step local = new TestSteps.Lambda("bootstrap.ca", ctx -> ran.add("ran"));
    Plan plan = new Plan(List.of(Phase.local("ca", List.of(local))));
    assertTrue(runner(1).run(plan).ok());
    assertEquals("h-bootstrap.ca\n", Files.readString(dir.resolve("state/checkpoints/@local/bootstrap.ca")));
    RunReport again = runner(1).run(plan);
    assertEquals(StepResult.Status.ALREADY_DONE, again.results().get(0).status());
    assertEquals(List.of("ran"), ran);
  }

  @Test
  void aBugOutsideAnyStepFailsTheRunInsteadOfSkippingAHost() throws Exception {
    PlanRunner broken = new PlanRunner(h -> {
      throw new IllegalStateException("no machine for " + h.name());
    }, new PlanRunner.Options(1, new InstallState(dir.resolve("state"), new Redactor()), RunListener.NONE));
    RunReport r = broken.run(new Plan(List.of(Phase.hosts("p", each(hosts(1), TestSteps.command("a", "a"))))));
    assertEquals(StepException.Kind.INTERNAL, r.failureKind().orElseThrow());
    assertEquals("internal error: java.lang.IllegalStateException: no machine for h1", r.failures().get(0).detail());
  }

  @Test
  void anErrorEndsTheRunAtOnceWithNothingRecorded() {
    Step dying = new TestSteps.Lambda("dies", ctx -> {
      throw new OutOfMemoryError("simulated");
    });
    Plan plan = new Plan(List.of(Phase.hosts("p", each(hosts(1), dying)), Phase.local("later",
        List.of(new TestSteps.Lambda("later", ctx -> { })))));
    assertThrows(OutOfMemoryError.class, () -> runner(1).run(plan));
    assertEquals(List.of("read-checkpoints"), machines.get("h1").calls().stream().map(FakeMachine.Call::name)
        .toList());
    assertFalse(Files.exists(dir.resolve("state/checkpoints")));
  }
}
