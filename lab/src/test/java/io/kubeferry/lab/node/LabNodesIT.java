package io.kubeferry.lab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.schmizz.sshj.transport.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three lab nodes, reached over real SSH with strict host key checking. */
class LabNodesIT {
  private static LabNodes lab;

  @BeforeAll
  static void startLab() {
    lab = LabNodes.start(3);
    System.out.printf("LabNodesIT: 3 lab nodes up in %d ms%n", lab.startupTime().toMillis());
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void sshToEveryNodeFindsSystemdRunning() throws Exception {
    List<LabNode> nodes = lab.nodes();
    assertEquals(List.of("node1", "node2", "node3"), nodes.stream().map(LabNode::hostname).toList());
    for (LabNode node : nodes) {
      ExecResult state = Ssh.run(node.address(), lab.knownHosts(), lab.clientKey(), "root",
          "systemctl is-system-running; hostname; cat /proc/1/comm");
      assertEquals(List.of("running", node.hostname(), "systemd"), state.stdout().lines().toList(), state.output());
      assertEquals(0, state.exitCode());
    }
  }

  @Test
  void addressesAreFixedAndNamesResolveOnTheLabNetwork() throws Exception {
    String prefix = lab.subnet().replace("0/24", "");
    assertEquals(List.of(prefix + "10", prefix + "11", prefix + "12"),
        lab.nodes().stream().map(LabNode::address).toList());
    ExecResult lookup = lab.nodes().get(0).exec("getent", "hosts", "node3");
    assertTrue(lookup.stdout().startsWith(prefix + "12 "), lookup.output());
    // The lab network is internal: Docker drops whatever a node sends beyond the lab subnet (no internet).
    ExecResult internal = LabNodesLifecycleIT.docker("network", "inspect", "-f", "{{.Internal}}", lab.network());
    assertEquals("true", internal.stdout().strip(), internal.output());
  }

  @Test
  void everyNodeHasItsOwnHostKeys() throws Exception {
    List<String> lines = Files.readAllLines(lab.knownHosts());
    List<String> ed25519 = lines.stream().filter(l -> l.contains(" ssh-ed25519 ")).toList();
    assertEquals(3, ed25519.size(), lines.toString());
    assertEquals(3, ed25519.stream().map(l -> l.split(" ")[2]).collect(Collectors.toSet()).size(), "distinct keys");
  }

  @Test
  void aWrongHostKeyIsRejected(@TempDir Path dir) throws Exception {
    LabNode node1 = lab.nodes().get(0);
    LabNode node2 = lab.nodes().get(1);
    // node1's address, but node2's keys: a man in the middle as far as the client can tell.
    String forged = Files.readAllLines(lab.knownHosts()).stream()
        .filter(line -> line.startsWith(node2.hostname() + ","))
        .map(line -> node1.address() + line.substring(line.indexOf(' ')))
        .collect(Collectors.joining("\n", "", "\n"));
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), forged);
    TransportException rejected = assertThrows(TransportException.class,
        () -> Ssh.run(node1.address(), knownHosts, lab.clientKey(), "root", "true"));
    assertTrue(String.valueOf(rejected.getMessage()).startsWith("Could not verify `ssh-ed25519` host key"),
        rejected.getMessage());
    // And a host that is not in known_hosts at all is rejected too (no trust on first use).
    Path empty = Files.writeString(dir.resolve("empty"), "");
    assertThrows(TransportException.class, () -> Ssh.run(node1.address(), empty, lab.clientKey(), "root", "true"));
  }

  @Test
  void kubeCanSudoAndNosudoCannot() throws Exception {
    LabNode node = lab.nodes().get(1);
    ExecResult kube = Ssh.run(node.address(), lab.knownHosts(), lab.clientKey(), "kube", "id -un; sudo -n id -u");
    assertEquals(List.of("kube", "0"), kube.stdout().lines().toList(), kube.output());
    ExecResult nosudo = Ssh.run(node.address(), lab.knownHosts(), lab.clientKey(), "nosudo", "id -un; sudo -n id -u");
    assertEquals(List.of("nosudo"), nosudo.stdout().lines().toList(), nosudo.output());
    assertNotEquals(0, nosudo.exitCode(), nosudo.output());
  }

  @Test
  void servicesOfLaterIssuesAreInstalledButOff() {
    LabNode node = lab.nodes().get(2);
    for (String unit : List.of("containerd", "haproxy", "keepalived", "etcd")) {
      ExecResult enabled = node.exec("systemctl", "is-enabled", unit);
      assertEquals("disabled", enabled.stdout().strip(), unit + ": " + enabled.output());
      assertFalse(node.exec("systemctl", "is-active", "--quiet", unit).succeeded(), unit + " is running");
    }
    for (String tool : List.of("dnf", "rpm", "iptables", "conntrack", "socat", "runc", "etcdctl", "sudo", "curl")) {
      assertTrue(node.exec("sh", "-c", "command -v " + tool).succeeded(), tool + " missing");
    }
  }

  @Test
  void aStoppedNodeComesBackWithTheSameAddressAndHostKey() throws Exception {
    LabNode node = lab.nodes().get(2);
    node.stop();
    ExecResult running = LabNodesLifecycleIT.docker("inspect", "-f", "{{.State.Running}}", node.containerName());
    assertEquals("false", running.stdout().strip(), running.output());
    long began = System.nanoTime();
    node.start();
    System.out.printf("LabNodesIT: %s rebooted in %d ms%n", node.hostname(), (System.nanoTime() - began) / 1_000_000);
    ExecResult state = Ssh.run(node.address(), lab.knownHosts(), lab.clientKey(), "root", "systemctl is-system-running");
    assertEquals("running", state.stdout().strip(), state.output());
  }
}
