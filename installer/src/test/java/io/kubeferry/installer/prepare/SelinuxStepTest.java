package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelinuxStepTest {
  @TempDir Path dir;

  @Test
  void permissiveNowAndAtBootOnce() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    assertEquals(List.of("SELinux: runtime config"),
        StepRuns.runTwice(new SelinuxStep(), Fixtures.context(Fixtures.inventory(), m, dir), m).notes());
    assertEquals("permissive", m.get("selinux"));
    assertEquals("SELINUX=permissive\n", m.file("/etc/selinux/config").orElseThrow().content());
  }

  @Test
  void aHostWithoutSelinuxNeedsNothing() throws Exception {
    FakeMachine m = new FakeMachine("cp1").answer("selinux", 0, "absent\n");
    var o = new SelinuxStep().run(Fixtures.context(Fixtures.inventory(), m, dir));
    assertFalse(o.changed());
    assertEquals(List.of("SELinux not present on this host"), o.notes());
  }
}
