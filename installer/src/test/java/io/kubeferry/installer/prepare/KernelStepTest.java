package io.kubeferry.installer.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class KernelStepTest {
  @TempDir Path dir;

  @Test
  void writesBothFilesThenLoadsAndSetsEverythingInOneCommand() throws Exception {
    FakeMachine m = SimulatedEl7.host("cp1");
    assertTrue(StepRuns.runTwice(new KernelStep(), Fixtures.context(Fixtures.inventory(), m, dir), m).changed());
    assertEquals(new FakeMachine.File("overlay\nbr_netfilter\n", "0644", 1),
        m.file("/etc/modules-load.d/k8s.conf").orElseThrow());
    assertTrue(m.file("/etc/sysctl.d/k8s.conf").orElseThrow().content().contains("net.ipv4.ip_forward = 1\n"));
    assertEquals("1", m.get("sysctl.net.ipv4.ip_forward"));
    FakeMachine.Call kernel = m.calls(c -> c.name().equals("kernel")).get(0);
    assertEquals(List.of("overlay", "br_netfilter", "--", "net.bridge.bridge-nf-call-iptables=1",
        "net.bridge.bridge-nf-call-ip6tables=1", "net.ipv4.ip_forward=1"), kernel.args());
  }

  @Test
  void whatAContainerCannotDoIsReportedNotHidden() throws Exception {
    FakeMachine m = new FakeMachine("cp1").answer("kernel", 0, "module overlay loaded\n"
        + "module br_netfilter failed modprobe: FATAL: Module br_netfilter not found\n"
        + "sysctl net.bridge.bridge-nf-call-iptables absent\nsysctl net.ipv4.ip_forward failed\n");
    m.put(KernelStep.MODULES_FILE, KernelStep.modules(), "0644");
    m.put(KernelStep.SYSCTL_FILE, KernelStep.sysctls(), "0644");
    StepOutcome o = new KernelStep().run(Fixtures.context(Fixtures.inventory(), m, dir));
    assertFalse(o.changed(), "the files were in place and nothing could be applied");
    assertEquals(List.of("module br_netfilter: loading not possible in this environment (modprobe: FATAL: Module"
        + " br_netfilter not found); it loads at boot from /etc/modules-load.d/k8s.conf",
        "sysctl net.bridge.bridge-nf-call-iptables: not present in this kernel now (its module is not loaded);"
            + " applied at boot from /etc/sysctl.d/k8s.conf",
        "sysctl net.ipv4.ip_forward: setting it is not possible in this environment (read-only /proc/sys); applied"
            + " at boot from /etc/sysctl.d/k8s.conf"), o.notes());
  }
}
