package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeletStepTest {
  @TempDir Path dir;

  @Test
  void enablesTheKubeletOnce() throws Exception {
    FakeMachine m = SimulatedEl7.host("w1");
    m.set("unit.kubelet", "disabled");
    assertTrue(StepRuns.runTwice(new KubeletStep(), Fixtures.context(Fixtures.inventory(), m, dir), m).changed());
    assertEquals("enabled", m.get("unit.kubelet"));
    assertEquals(null, m.get("kubelet"), "enabled, not started: kubeadm starts it");
  }

  @Test
  void aMissingUnitMeansThePackageDidNotInstall() {
    FakeMachine m = SimulatedEl7.host("w1");
    StepException e = assertThrows(StepException.class,
        () -> new KubeletStep().run(Fixtures.context(Fixtures.inventory(), m, dir)));
    assertEquals("could not enable the kubelet on w1: kubelet.service does not exist (did the kubelet package"
        + " install?)", e.getMessage());
    assertEquals(StepException.Kind.HOST, e.kind());
  }
}
