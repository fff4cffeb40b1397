package io.kubeferry.installer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.HostException;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.ssh.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlanRunner#cancel()}: running steps are interrupted and not recorded; a new run resumes there. */
class CancelTest {
  @TempDir Path dir;

  @Test
  void cancelStopsTheRunningCommandRecordsNothingAndTheReRunResumes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    FakeMachine m = new FakeMachine("h1").answer("quick", 0, "").on("slow", (f, c) -> {
      started.countDown();
      try {
        Thread.sleep(30_000);
        return f.result(c, 0, "", "");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HostException(HostException.Kind.CANCELLED, "could not run 'slow' on h1: cancelled");
      }
    });
    Host h = PlanRunnerTest.hosts(1).get(0);
    Plan plan = new Plan(List.of(
        Phase.hosts("one", Map.of(h, List.of(TestSteps.command("a", "quick"), TestSteps.command("b", "slow"),
            TestSteps.command("c", "quick")))),
        Phase.local("two", List.of(new TestSteps.Lambda("later", ctx -> { })))));
    PlanRunner runner = new PlanRunner(x -> m, new PlanRunner.Options(1, new InstallState(dir, new Redactor()),
        RunListener.NONE));
    AtomicReference<RunReport> report = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        report.set(runner.run(plan));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    assertTrue(started.await(10, TimeUnit.SECONDS));
    long before = System.nanoTime();
    runner.cancel();
    t.join(10_000);
    assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5), "the sleeping command was interrupted");
    RunReport r = report.get();
    assertTrue(r.cancelled());
    assertFalse(r.ok());
    assertEquals(StepException.Kind.CANCELLED, r.failureKind().orElseThrow());
    assertEquals(List.of("a:done", "b:cancelled"), r.results().stream()
        .map(x -> x.step() + ":" + x.status().label()).toList(), "c and phase two never started");
    assertTrue(m.file("/var/lib/kubeferry/checkpoints/a").isPresent());
    assertFalse(m.file("/var/lib/kubeferry/checkpoints/b").isPresent(), "the cancelled step is not recorded");

    m.on("slow", (f, c) -> f.result(c, 0, "", ""));
    RunReport again = new PlanRunner(x -> m, new PlanRunner.Options(1, new InstallState(dir, new Redactor()),
        RunListener.NONE)).run(plan);
    assertTrue(again.ok(), again.table());
    assertEquals(List.of("a:already done", "b:done", "c:done", "later:done"), again.results().stream()
        .map(x -> x.step() + ":" + x.status().label()).toList());
  }

  @Test
  void aStepThatFinishesItsWorkAfterTheCancelIsNotRecordedEither() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    Step stubborn = new TestSteps.Lambda("stubborn", ctx -> {
      started.countDown();
      try {
        cancelled.await(); // ignores the interrupt's meaning: waits until the test says the cancel happened
      } catch (InterruptedException e) {
        // a local step that does not stop for interrupts
      }
    });
    PlanRunner runner = new PlanRunner(x -> null, new PlanRunner.Options(1, new InstallState(dir, new Redactor()),
        RunListener.NONE));
    AtomicReference<RunReport> report = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        report.set(runner.run(new Plan(List.of(Phase.local("x", List.of(stubborn))))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    assertTrue(started.await(10, TimeUnit.SECONDS));
    runner.cancel();
    cancelled.countDown();
    t.join(10_000);
    assertEquals(StepResult.Status.CANCELLED, report.get().results().get(0).status());
    assertFalse(java.nio.file.Files.exists(dir.resolve("checkpoints/@local/stubborn")));
  }

  @Test
  void aCancelBeforeTheRunStartsNothing() throws Exception {
    FakeMachine m = new FakeMachine("h1");
    PlanRunner runner = new PlanRunner(x -> m, new PlanRunner.Options(1, new InstallState(dir, new Redactor()),
        RunListener.NONE));
    runner.cancel();
    RunReport r = runner.run(new Plan(List.of(Phase.hosts("p", Map.of(PlanRunnerTest.hosts(1).get(0),
        List.of(TestSteps.command("a", "quick")))))));
    assertTrue(r.cancelled());
    assertEquals(List.of(), r.results());
    assertEquals(List.of(), m.calls());
  }
}
