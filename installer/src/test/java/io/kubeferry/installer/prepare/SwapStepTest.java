package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.host.SimulatedEl7;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.testing.Fixtures;
import io.kubeferry.installer.testing.StepRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwapStepTest {
  @TempDir Path dir;

  @Test
  void turnsSwapOffAndCommentsOutFstabOnce() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    StepOutcome first = StepRuns.runTwice(new SwapStep(), Fixtures.context(Fixtures.inventory(), m, dir), m);
    assertEquals(List.of("swap: swapoff fstab"), first.notes());
    assertEquals("off", m.get("swap"));
    assertTrue(m.file("/etc/fstab").orElseThrow().content().contains("# /dev/mapper/swap swap"));
    assertEquals(SimulatedEl7.FSTAB, m.file("/etc/fstab.kubeferry-bak").orElseThrow().content());
    assertEquals(List.of("run swap"), StepRuns.ops(m), "one command, no arguments, as root");
    assertTrue(m.calls().get(0).root());
  }

  @Test
  void saysSoWhenTheKernelRefusesSwapoff() throws Exception {
    FakeMachine m = new FakeMachine("cp1").answer("swap", 0, "changed:swapoff-failed\n");
    StepOutcome o = new SwapStep().run(Fixtures.context(Fixtures.inventory(), m, dir));
    assertEquals(false, o.changed());
    assertTrue(o.notes().get(0).startsWith("swapoff -a was refused"), o.notes().toString());
  }
}
