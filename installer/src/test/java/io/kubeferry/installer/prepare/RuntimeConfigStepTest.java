package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.inventory.ClusterSettings.Runtime;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.source.SourceRef;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigStepTest {
  @TempDir Path dir;

  @Test
  void dockerForKubernetes123WithTheSystemdCgroupDriverStartedOnce() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    m.set("unit.docker", "disabled");
    RuntimeConfigStep step = new RuntimeConfigStep(SourceRef.of(Fixtures.source(dir)), Runtime.AUTO);
    assertEquals(List.of("docker: enabled started"),
        StepRuns.runTwice(step, Fixtures.context(Fixtures.inventory(), m, dir), m).notes());
    assertTrue(m.file(RuntimeConfigStep.DAEMON_JSON).orElseThrow().content().contains("native.cgroupdriver=systemd"));
    assertEquals(List.of("docker", "false"), m.calls(c -> c.name().equals("service")).get(0).args());
    assertEquals(null, m.get("docker.restarts"), "a second run does not restart docker");
  }

  @Test
  void containerdConfigIsGeneratedAndAChangeRestartsIt() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    m.set("unit.containerd", "enabled");
    m.set("containerd", "active");
    m.set("rpm.containerd", "containerd.io-1.4.12-3.1.el7");
    RuntimeConfigStep step = new RuntimeConfigStep(SourceRef.of(Fixtures.source(dir)), Runtime.CONTAINERD);
    StepRuns.runTwice(step, Fixtures.context(Fixtures.inventory(), m, dir), m);
    assertTrue(m.file(RuntimeConfigStep.CONTAINERD_TOML).orElseThrow().content().contains("SystemdCgroup = true"));
    assertEquals("1", m.get("containerd.restarts"));
  }

  @Test
  void missingContainerdAndDockerAfter123AreClearErrors() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    StepException missing = assertThrows(StepException.class, () -> new RuntimeConfigStep(
        SourceRef.of(Fixtures.source(dir)), Runtime.CONTAINERD).run(Fixtures.context(Fixtures.inventory(), m, dir)));
    assertEquals("could not configure containerd on cp1: containerd is not installed (the bundle must carry"
        + " containerd.io)", missing.getMessage());
    StepException docker = assertThrows(StepException.class, () -> RuntimeConfigStep.resolve(Runtime.DOCKER, 24));
    assertTrue(docker.getMessage().startsWith("could not configure docker: Kubernetes 1.24 has no dockershim"));
  }

  @Test
  void aServiceThatWillNotStartFailsTheStep() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1").answer("service", 0, "changed:enabled start-failed\n");
    StepException e = assertThrows(StepException.class, () -> new RuntimeConfigStep(
        SourceRef.of(Fixtures.source(dir)), Runtime.DOCKER).run(Fixtures.context(Fixtures.inventory(), m, dir)));
    assertEquals("could not start docker on cp1 (see journalctl -u docker)", e.getMessage());
  }
}
