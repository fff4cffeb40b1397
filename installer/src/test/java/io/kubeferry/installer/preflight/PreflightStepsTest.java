package io.kubeferry.installer.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.RunState;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.ssh.Redactor;
import io.kubeferry.installer.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathering facts on fake hosts (read-only, one command) and evaluating them all at once. */
class PreflightStepsTest {
  @TempDir Path dir;
  final Inventory inv = Fixtures.inventory();

  static String facts(String host, int swapKib, String mac) {
    return String.join("\n", "os_id=centos", "os_version_id=7.9.2009", "hostname=" + host, "arch=x86_64",
        "kernel=3.10.0-1160.el7.x86_64", "cpus=4", "mem_kib=8000000", "swap_kib=" + swapKib, "mac=" + mac,
        "product_uuid=uuid-" + host, "var_free_kib=50000000", "listen_hex=0016", "selinux=enforcing",
        "firewalld=active", "time_ms=" + System.currentTimeMillis(), "");
  }

  private List<FakeMachine> gather(RunState state, int swapKib, String w1Mac) throws StepException {
    List<FakeMachine> hosts = new ArrayList<>();
    for (String h : List.of("cp1", "w1")) {
      FakeMachine m = new FakeMachine(h).answer("facts", 0,
          facts(h, h.equals("w1") ? swapKib : 0, h.equals("w1") ? w1Mac : "52:54:00:00:00:01"));
      new GatherFactsStep().run(new StepContext(inv.host(h), Optional.of(m), state,
          new InstallState(dir, new Redactor())));
      hosts.add(m);
    }
    return hosts;
  }

  @Test
  void gatheringIsOneReadOnlyCommandWithTheRequiredBinariesAsArguments() throws Exception {
    RunState state = new RunState();
    FakeMachine cp1 = gather(state, 0, "52:54:00:00:00:02").get(0);
    assertEquals(1, cp1.calls().size());
    assertEquals(FactsScript.REQUIRED_BINARIES, cp1.calls().get(0).args());
    assertTrue(cp1.calls().get(0).root(), "product_uuid is root-only");
    HostFacts f = state.get(GatherFactsStep.stateKey("cp1"), HostFacts.class).orElseThrow();
    assertEquals("centos", f.osId());
    assertEquals(Set.of(22), f.listeningPorts());
  }

  @Test
  void evaluationReportsEveryHostAtOnceAndStopsOnErrors() throws Exception {
    RunState state = new RunState();
    gather(state, 2048, "52:54:00:00:00:01"); // w1 has swap and cp1's MAC
    List<PreflightReport> sink = new ArrayList<>();
    StepContext local = StepContext.local(state, new InstallState(dir, new Redactor()));
    EvaluatePreflightStep step = new EvaluatePreflightStep(inv, SourceRef.of(Fixtures.source(dir)), Set.of(),
        sink::add);
    StepException e = assertThrows(StepException.class, () -> step.run(local));
    assertEquals("preflight found 3 error(s) on 2 host(s): fix them or list their checks in --ignore-preflight",
        e.getMessage());
    assertEquals(List.of("duplicate-mac", "duplicate-mac", "swap"), sink.get(0).blocking().stream()
        .map(Finding::check).toList());
    EvaluatePreflightStep ignoring = new EvaluatePreflightStep(inv, SourceRef.of(Fixtures.source(dir)),
        Set.of("swap", "duplicate-mac"), sink::add);
    assertFalse(ignoring.run(local).changed());
    assertTrue(sink.get(1).passed());
  }
}
