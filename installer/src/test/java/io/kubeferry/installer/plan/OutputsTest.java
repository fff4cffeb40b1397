package io.kubeferry.installer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.ssh.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step outputs in the state directory: survive a new runner, secrets stay owner-only and out of every report. */
class OutputsTest {
  static final Output<Secret> TOKEN = Output.secret("join-token");
  static final Output<String> CA = Output.text("ca-cert");
  static final String TOKEN_VALUE = "abcdef.0123456789abcdef";

  @TempDir Path dir;
  FakeMachine host = new FakeMachine("h1");
  int produced;

  /** Creates the token and the CA on the installer machine. */
  final class Produce implements Step {
    @Override
    public String id() {
      return "bootstrap.token";
    }

    @Override
    public String describe() {
      return "make a join token";
    }

    @Override
    public String inputHash() {
      return "v1";
    }

    @Override
    public List<Output<?>> produces() {
      return List.of(TOKEN, CA);
    }

    @Override
    public StepOutcome run(StepContext ctx) throws StepException {
      produced++;
      ctx.put(TOKEN, new Secret(TOKEN_VALUE));
      ctx.put(CA, "-----BEGIN CERTIFICATE-----\n");
      return StepOutcome.didChange("made " + new Secret(TOKEN_VALUE)); // toString: ***
    }
  }

  /** Hands both to the host, the token owner-only. */
  static Step consume() {
    return new TestSteps.Lambda("join.files", ctx -> {
      ctx.write(ctx.output(TOKEN).reveal(), "/etc/kubeferry/token", "0600");
      ctx.write(ctx.output(CA), "/etc/kubeferry/ca.crt", "0644");
    });
  }

  Plan plan() {
    Host h = PlanRunnerTest.hosts(1).get(0);
    return new Plan(List.of(Phase.local("bootstrap", List.of(new Produce())),
        Phase.hosts("join", Map.of(h, List.of(consume())))));
  }

  RunReport run() throws InterruptedException {
    return new PlanRunner(h -> host, new PlanRunner.Options(1, new InstallState(dir, new Redactor()),
        RunListener.NONE)).run(plan());
  }

  @Test
  void outputsSurviveANewRunnerAndAReinstalledHostGetsTheSameValues() throws Exception {
    RunReport first = run();
    assertTrue(first.ok(), first.table());
    assertEquals(TOKEN_VALUE, host.file("/etc/kubeferry/token").orElseThrow().content());
    assertEquals("0600", host.file("/etc/kubeferry/token").orElseThrow().mode());

    host = new FakeMachine("h1"); // reinstalled: no checkpoints, no files
    RunReport second = run();
    assertEquals(List.of(StepResult.Status.ALREADY_DONE, StepResult.Status.DONE),
        second.results().stream().map(StepResult::status).toList(), second.table());
    assertEquals(1, produced, "the producer did not run again");
    assertEquals(TOKEN_VALUE, host.file("/etc/kubeferry/token").orElseThrow().content(), "read from the state dir");
  }

  @Test
  void secretsAreOwnerOnlyAndNeverInTheReport() throws Exception {
    RunReport r = run();
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("outputs"))));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("outputs/join-token"))));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("outputs/ca-cert"))));
    assertEquals(TOKEN_VALUE, Files.readString(dir.resolve("outputs/join-token")));
    assertFalse(r.table().contains(TOKEN_VALUE), r.table());
    assertTrue(r.table().contains("made ***"), r.table());
  }

  @Test
  void aSecretInAFailureMessageIsRedacted() throws Exception {
    Redactor redactor = new Redactor();
    InstallState state = new InstallState(dir, redactor);
    state.put(TOKEN, new Secret(TOKEN_VALUE));
    Step leaky = TestSteps.failing("join with " + TOKEN_VALUE, StepException.Kind.HOST);
    RunReport r = new PlanRunner(h -> host, new PlanRunner.Options(1, state, RunListener.NONE))
        .run(new Plan(List.of(Phase.local("x", List.of(leaky)))));
    assertEquals("could not join with ***: because (input x)", r.failures().get(0).detail());
  }

  @Test
  void aMissingOutputMakesItsCheckpointedProducerRunAgain() throws Exception {
    assertTrue(run().ok());
    Files.delete(dir.resolve("outputs/join-token"));
    RunReport again = run();
    StepResult producer = again.results().get(0);
    assertEquals(StepResult.Status.DONE, producer.status(), again.table());
    assertTrue(producer.detail().startsWith("checkpoint matches but join-token missing from the state directory:"
        + " ran again"), producer.detail());
    assertEquals(2, produced);
    assertTrue(Files.exists(dir.resolve("outputs/join-token")));
  }

  @Test
  void aConsumerWithoutItsOutputFailsAsAPlanBug() throws Exception {
    Host h = PlanRunnerTest.hosts(1).get(0);
    RunReport r = new PlanRunner(x -> host, new PlanRunner.Options(1, new InstallState(dir, new Redactor()),
        RunListener.NONE)).run(new Plan(List.of(Phase.hosts("join", Map.of(h, List.of(consume()))))));
    assertEquals(StepException.Kind.INTERNAL, r.failureKind().orElseThrow());
    assertTrue(r.failures().get(0).detail().startsWith("could not read output join-token: no step has stored it"),
        r.failures().get(0).detail());
  }
}
