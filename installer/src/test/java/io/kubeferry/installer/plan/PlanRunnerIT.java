package io.kubeferry.installer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.inventory.SshSettings;
import io.kubeferry.installer.host.Machines;
import io.kubeferry.installer.ssh.Redactor;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.ShellQuote;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshOptions;
import io.kubeferry.installer.testing.LocalSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan runner against a real sshd: checkpoints on the host and locally, skip on re-run, fail-fast. */
class PlanRunnerIT {
  @TempDir static Path dir;
  static LocalSshd sshd;
  static Path knownHosts;

  @BeforeAll
  static void start() throws Exception {
    sshd = LocalSshd.start(dir.resolve("sshd"));
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    sshd.close();
  }

  /** Appends a line to a file each time it runs, so the test can count executions. */
  record AppendStep(String id, Path file, String content) implements Step {
    @Override
    public String describe() {
      return "append to " + file;
    }

    @Override
    public String inputHash() {
      return io.kubeferry.core.Digest.sha256Of(content.getBytes()).toString();
    }

    @Override
    public StepOutcome run(StepContext ctx) throws StepException {
      ctx.check(RemoteCommand.root("echo " + ShellQuote.quote(content) + " >> " + file));
      return StepOutcome.didChange();
    }
  }

  record FailStep(String id) implements Step {
    @Override
    public String describe() {
      return "fails";
    }

    @Override
    public String inputHash() {
      return "x";
    }

    @Override
    public StepOutcome run(StepContext ctx) throws StepException {
      ctx.root(RemoteCommand.root("echo 'no space left on device' >&2; exit 7"));
      return StepOutcome.didChange();
    }
  }

  private static Host host(String name) {
    return new Host(name, "127.0.0.1", new SshSettings("root", sshd.port(), sshd.clientKey()), false,
        Set.of(Role.WORKER));
  }

  private static PlanRunner.Options options(Path t) {
    return new PlanRunner.Options(4, new InstallState(t.resolve("state"), new Redactor()), RunListener.NONE,
        t.resolve("remote-checkpoints").toString());
  }

  private static PlanRunner runner(SshExecutor ssh, Path t) {
    Machines machines = new Machines(ssh);
    return new PlanRunner(machines::get, options(t));
  }

  @Test
  void reRunSkipsCompletedStepsAndAChangedInputRunsAgain(@TempDir Path t) throws Exception {
    Host a = host("a");
    Path out = t.resolve("out.txt");
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(knownHosts))) {
      Plan plan = new Plan(List.of(Phase.hosts("prepare", Map.of(a, List.of(new AppendStep("s1", out, "one"))))));
      RunReport first = runner(ssh, t).run(plan);
      assertTrue(first.ok(), first.table());
      assertEquals(StepResult.Status.DONE, first.results().get(0).status());
      String hash = new AppendStep("s1", out, "one").inputHash();
      assertEquals(hash + "\n", Files.readString(t.resolve("remote-checkpoints/s1")));
      assertEquals(hash + "\n", Files.readString(t.resolve("state/checkpoints/a/s1")));

      RunReport second = runner(ssh, t).run(plan);
      assertEquals(StepResult.Status.ALREADY_DONE, second.results().get(0).status());
      assertEquals("one\n", Files.readString(out), "the step did not run again");

      Plan changed = new Plan(List.of(Phase.hosts("prepare", Map.of(a, List.of(new AppendStep("s1", out, "two"))))));
      RunReport third = runner(ssh, t).run(changed);
      assertEquals(StepResult.Status.DONE, third.results().get(0).status());
      assertEquals("one\ntwo\n", Files.readString(out));
    }
  }

  @Test
  void stopsAtTheFirstFailureWithASummaryAndLaterPhasesDoNotRun(@TempDir Path t) throws Exception {
    Host a = host("a");
    Host b = host("b");
    Path later = t.resolve("later.txt");
    Map<Host, List<Step>> first = new LinkedHashMap<>();
    first.put(a, List.of(new FailStep("disk-a"), new AppendStep("after-a", t.resolve("after.txt"), "x")));
    first.put(b, List.of(new AppendStep("ok-b", t.resolve("b.txt"), "b")));
    Plan plan = new Plan(List.of(Phase.hosts("preflight", first),
        Phase.hosts("prepare", Map.of(b, List.of(new AppendStep("later-b", later, "l"))))));
    try (SshExecutor ssh = new SshExecutor(SshOptions.defaults(knownHosts))) {
      RunReport r = runner(ssh, t).run(plan);
      assertFalse(r.ok());
      assertTrue(r.stopped());
      assertEquals(1, r.failures().size());
      StepResult f = r.failures().get(0);
      assertEquals("a", f.host());
      assertEquals("disk-a", f.step());
      assertTrue(f.detail().startsWith("could not run 'echo 'no space left on device' >&2; exit 7' on a: exit status"
          + " 7: no space left on device"), f.detail());
      assertFalse(Files.exists(t.resolve("after.txt")), "the failing host's later steps did not run");
      assertFalse(Files.exists(later), "the next phase did not run");
      String table = r.table();
      assertTrue(table.lines().findFirst().orElseThrow().matches("HOST\\s+STEP\\s+STATUS\\s+DETAIL"), table);
      assertTrue(table.lines().skip(1).findFirst().orElseThrow().matches("a\\s+disk-a\\s+failed\\s+could not run .*"), table);
    }
  }

  @Test
  void dryRunRenderingListsPhasesHostsAndSteps() {
    Host a = host("a");
    Plan plan = new Plan(List.of(
        Phase.local("verify", List.of(new AppendStep("v", Path.of("/x"), "x"))),
        Phase.hosts("prepare", Map.of(a, List.of(new AppendStep("s1", Path.of("/y"), "y"))))));
    String text = plan.render();
    assertEquals("""
        phase 1: verify (on this machine)
            - append to /x
        phase 2: prepare (1 hosts in parallel, after phase 1 finished everywhere)
          a [worker] root@127.0.0.1:%d
            1. s1: append to /y
        """.formatted(sshd.port()), text);
  }
}
