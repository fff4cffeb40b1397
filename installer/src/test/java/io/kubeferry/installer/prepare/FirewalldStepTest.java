package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.inventory.ClusterSettings.Firewalld;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirewalldStepTest {
  @TempDir Path dir;
  final Inventory inv = Fixtures.inventory();

  @Test
  void disableStopsAndDisablesOnce() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    FirewalldStep step = new FirewalldStep(inv.host("cp1").orElseThrow(), Firewalld.DISABLE);
    assertEquals(List.of("firewalld stopped disabled"), StepRuns.runTwice(step, Fixtures.context(inv, m, dir), m)
        .notes());
    assertEquals(List.of("disable"), m.calls().get(0).args());
    assertEquals("inactive", m.get("firewalld"));
  }

  @Test
  void openPortsPassesTheRolePortsAsArguments() throws Exception {
    FakeMachine m = SimulatedEl7.host("w1");
    FirewalldStep step = new FirewalldStep(inv.host("w1").orElseThrow(), Firewalld.OPEN_PORTS);
    StepRuns.runTwice(step, Fixtures.context(inv, m, dir), m);
    assertEquals(List.of("open-ports", "10250/tcp", "30000-32767/tcp"), m.calls().get(0).args());
    assertEquals("open", m.get("firewalld.port.30000-32767/tcp"));
  }

  @Test
  void leaveAndAbsentChangeNothing() throws Exception {
    FakeMachine m = new FakeMachine("cp1").answer("firewalld", 0, "absent\n");
    assertFalse(new FirewalldStep(inv.host("cp1").orElseThrow(), Firewalld.LEAVE)
        .run(Fixtures.context(inv, m, dir)).changed());
    assertEquals(List.of(), m.calls(), "leave: not even a command");
    assertEquals(List.of("firewalld not installed"), new FirewalldStep(inv.host("cp1").orElseThrow(),
        Firewalld.DISABLE).run(Fixtures.context(inv, m, dir)).notes());
  }
}
