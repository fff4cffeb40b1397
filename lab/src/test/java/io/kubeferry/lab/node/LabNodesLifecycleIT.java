package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting and stopping leaves nothing behind; leftovers of dead JVMs are cleaned; a missing image is named. */
class LabNodesLifecycleIT {

  @Test
  void threeNodesStartAndStopCleanly() throws Exception {
    List<String> containers;
    String network;
    java.nio.file.Path keyDir;
    try (LabNodes lab = LabNodes.start(3)) {
      containers = lab.nodes().stream().map(LabNode::containerName).toList();
      network = lab.network();
      keyDir = lab.clientKey().getParent();
      assertEquals(3, docker("ps", "--quiet", "--filter", "label=io.kubeferry.lab.instance=" + lab.instance())
          .stdout().lines().count());
      assertEquals(0, docker("network", "inspect", network).exitCode());
    }
    for (String container : containers) {
      assertNotEquals(0, docker("container", "inspect", container).exitCode(), container + " still exists");
    }
    assertNotEquals(0, docker("network", "inspect", network).exitCode(), network + " still exists");
    assertFalse(Files.exists(keyDir), keyDir + " still exists");
  }

  @Test
  void leftoversOfADeadProcessAreRemovedAndLiveOnesKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = LabLabels.hostName();
    String suffix = Long.toHexString(System.nanoTime());
    String dead = "kubeferry-lab-stale-" + suffix;
    String live = "kubeferry-lab-live-" + suffix;
    createLabelledNetwork(dead, host, gone.pid(), "1");
    createLabelledNetwork(live, host, ProcessHandle.current().pid(),
        String.valueOf(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli()));
    try (LabNodes lab = LabNodes.start(1)) {
      assertNotEquals(0, docker("network", "inspect", dead).exitCode(), "stale network was kept");
      assertEquals(0, docker("network", "inspect", live).exitCode(), "a live process's network was removed");
    } finally {
      docker("network", "rm", dead);
      docker("network", "rm", live);
    }
  }

  @Test
  void aNodeThatBootsDegradedIsReportedWithItsFailedUnits() {
    try (LabNodes lab = LabNodes.start(1)) {
      LabNode node = lab.nodes().get(0);
      // Fault injection: a unit that fails at boot, as a broken host service would.
      ExecResult injected = node.exec("sh", "-c", "printf '[Service]\\nType=oneshot\\nExecStart=/bin/false\\n"
          + "[Install]\\nWantedBy=multi-user.target\\n' > /etc/systemd/system/lab-broken.service"
          + " && systemctl enable lab-broken.service");
      assertEquals(0, injected.exitCode(), injected.output());
      node.stop();
      LabNodeException degraded = assertThrows(LabNodeException.class, node::start);
      assertEquals("lab node node1 booted degraded; failed units: lab-broken.service loaded failed failed "
          + "lab-broken.service", degraded.getMessage());
    }
  }

  @Test
  void aMissingImageIsNamedWithTheFix() {
    LabNodeException missing = assertThrows(LabNodeException.class, () -> LabNodes.requireImage(
        org.testcontainers.DockerClientFactory.instance().client(), new LabNodeImage("000000000000")));
    assertEquals("lab node image kubeferry-lab-node:000000000000 is missing: run scripts/setup-test-env",
        missing.getMessage());
  }

  private static void createLabelledNetwork(String name, String host, long pid, String pidStart) throws Exception {
    // No subnet given: Docker picks one outside 172.30/16 from its default pools.
    ExecResult created = docker("network", "create", "--internal",
        "--label", "io.kubeferry.lab=nodes", "--label", "io.kubeferry.lab.host=" + host,
        "--label", "io.kubeferry.lab.pid=" + pid, "--label", "io.kubeferry.lab.pid-start=" + pidStart, name);
    assertEquals(0, created.exitCode(), created.output());
  }

  static ExecResult docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new ExecResult(process.waitFor(), out, "");
  }
}
