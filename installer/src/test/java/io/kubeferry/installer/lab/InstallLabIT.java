package io.kubeferry.installer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.InstallPhases;
import io.kubeferry.installer.InstallPlanner;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.InventoryParser;
import io.kubeferry.installer.inventory.Topology;
import io.kubeferry.installer.host.Machines;
import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.plan.PlanRunner;
import io.kubeferry.installer.plan.RunListener;
import io.kubeferry.installer.plan.RunReport;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepResult;
import io.kubeferry.installer.preflight.PreflightReport;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshException;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshOptions;
import io.kubeferry.installer.ssh.SshTarget;
import io.kubeferry.lab.installer.FixtureBundle;
import io.kubeferry.lab.node.ExecResult;
import io.kubeferry.lab.node.LabNode;
import io.kubeferry.lab.node.LabNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer against 5 lab nodes (systemd, sshd, dnf, rpm): real SSH with strict host keys, sudo, the verify,
 * preflight and prepare phases from a real signed bundle, a second run that changes nothing, and faults.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallLabIT {
  /** What the lab cannot look like: Debian nodes (not el7) sharing the Docker host's product_uuid. */
  static final Set<String> LAB_IGNORES = Set.of("os", "duplicate-product-uuid");

  @TempDir static Path dir;
  static LabNodes lab;
  static FixtureBundle bundle;
  static Inventory inventory;

  @BeforeAll
  static void start() throws Exception {
    lab = LabNodes.start(5);
    bundle = FixtureBundle.build(dir.resolve("fixture"));
    List<LabNode> n = lab.nodes();
    StringBuilder yaml = new StringBuilder("""
        apiVersion: kubeferry.io/v1alpha1
        kind: Inventory
        defaults: {ssh: {user: kube, key: %s}}
        hosts:
        """.formatted(lab.clientKey()));
    for (int i = 0; i < n.size(); i++) {
      yaml.append("  - {name: ").append(n.get(i).hostname()).append(", address: ").append(n.get(i).address())
          .append(i == 0 ? ", ssh: {user: root}" : "").append("}\n");
    }
    String vip = n.get(0).address().replaceAll("\\.\\d+$", ".200");
    yaml.append("roles:\n  etcd: [node1, node2, node3]\n  control-plane: [node1, node2, node3]\n")
        .append("  worker: [node4, node5]\ncluster: {vip: ").append(vip).append(", firewalld: disable}\n");
    Path inv = dir.resolve("hosts.yaml");
    Files.writeString(inv, yaml);
    inventory = InventoryParser.parse(inv, Topology.HA_STACKED);
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  static SshOptions ssh() {
    return SshOptions.defaults(lab.knownHosts()).withLogDir(dir.resolve("logs"));
  }

  static RunReport install(SshExecutor ssh, Set<String> ignore, AtomicReference<PreflightReport> preflight,
      RunListener listener) throws Exception {
    Plan plan = InstallPlanner.plan(new InstallPlanner.Request(inventory,
        EnumSet.of(InstallPhases.VERIFY, InstallPhases.PREFLIGHT, InstallPhases.PREPARE), bundle.tarball(),
        bundle.publicKey(), dir.resolve("state"), ignore, preflight::set));
    Machines machines = new Machines(ssh);
    return new PlanRunner(machines::get, new PlanRunner.Options(5,
        new InstallState(dir.resolve("state"), ssh.options().redactor()), listener)).run(plan);
  }

  @Test
  @Order(1)
  void sudoWorksForKubeAndIsRefusedForNosudo() throws Exception {
    LabNode node = lab.nodes().get(1);
    try (SshExecutor ssh = new SshExecutor(ssh())) {
      SshTarget kube = new SshTarget("node2", node.address(), 22, "kube", lab.clientKey(), true);
      assertEquals("0", ssh.check(kube, RemoteCommand.root("id -u")).stdout().strip());
      assertEquals("kube", ssh.check(kube, RemoteCommand.user("id -un")).stdout().strip());
      SshTarget nosudo = new SshTarget("node2", node.address(), 22, "nosudo", lab.clientKey(), true);
      SshException e = org.junit.jupiter.api.Assertions.assertThrows(SshException.class,
          () -> ssh.check(nosudo, RemoteCommand.root("id -u")));
      assertEquals(SshException.Kind.SUDO_REFUSED, e.kind());
      assertTrue(e.getMessage().startsWith("sudo refused for user 'nosudo' on node2: sudo: a password is required"),
          e.getMessage());
    }
  }

  @Test
  @Order(2)
  void preparesEveryNodeAndASecondRunChangesNothing() throws Exception {
    AtomicReference<PreflightReport> preflight = new AtomicReference<>();
    try (SshExecutor ssh = new SshExecutor(ssh())) {
      RunReport stopped = install(ssh, Set.of(), preflight, RunListener.NONE);
      assertFalse(stopped.ok(), "the lab's Debian nodes fail the OS check unless it is ignored");
      assertEquals("preflight.evaluate", stopped.failures().get(0).step());
      assertTrue(preflight.get().blocking().stream().allMatch(f -> LAB_IGNORES.contains(f.check())),
          preflight.get().table());
      assertEquals(5, preflight.get().blocking().stream().filter(f -> f.check().equals("os")).count());
      assertFalse(Files.exists(dir.resolve("state/checkpoints")), "no host was changed after a failed preflight");

      RunReport first = install(ssh, LAB_IGNORES, preflight, RunListener.NONE);
      System.out.println(preflight.get().table() + first.table()); // evidence in the failsafe report
      assertTrue(first.ok(), first.table());
      assertEquals(5 * 9, first.results().stream().filter(r -> r.step().startsWith("prepare.")).count());
    }
    for (LabNode node : lab.nodes()) {
      String q = ok(node, "rpm", "-q", "kubeadm", "kubelet", "kubectl", "kubernetes-cni", "cri-tools");
      assertEquals("kubeadm-1.23.1-0.noarch\nkubelet-1.23.1-0.noarch\nkubectl-1.23.1-0.noarch\n"
          + "kubernetes-cni-0.8.7-0.noarch\ncri-tools-1.19.0-0.noarch\n", q, "pinned, not the newer kubelet");
      String repo = ok(node, "cat", "/etc/yum.repos.d/kubeferry.repo");
      assertTrue(repo.contains("gpgcheck=1\nrepo_gpgcheck=1\n"), repo);
      // The RPMs carry the upstream signature, repomd.xml the bundle's: both keys are listed and imported.
      assertTrue(repo.contains("\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry"
          + " file:///etc/pki/rpm-gpg/RPM-GPG-KEY-kubeferry-rpm-" + FixtureBundle.UPSTREAM_REPO + "\n"), repo);
      assertEquals(2, ok(node, "rpm", "-q", "gpg-pubkey").strip().split("\n").length, "bundle + upstream key");
      assertTrue(ok(node, "cat", "/etc/docker/daemon.json").contains("\"native.cgroupdriver=systemd\""));
      assertEquals("overlay\nbr_netfilter\n", ok(node, "cat", "/etc/modules-load.d/k8s.conf"));
      ok(node, "systemctl", "daemon-reload");
      assertEquals("enabled\n", ok(node, "systemctl", "is-enabled", "kubelet"), "survives daemon-reload");
      assertTrue(ok(node, "cat", "/etc/sysctl.d/k8s.conf").contains("net.ipv4.ip_forward = 1"));
    }
    Map<String, String> before = snapshot();
    try (SshExecutor ssh = new SshExecutor(ssh())) {
      RunReport second = install(ssh, LAB_IGNORES, preflight, RunListener.NONE);
      System.out.println(second.table());
      assertTrue(second.ok(), second.table());
      List<StepResult> prepare = second.results().stream().filter(r -> r.step().startsWith("prepare.")).toList();
      assertEquals(45, prepare.size());
      assertTrue(prepare.stream().allMatch(r -> r.status() == StepResult.Status.ALREADY_DONE), second.table());
    }
    assertEquals(before, snapshot(), "the second run changed no file");
  }

  @Test
  @Order(3)
  void sshdStoppedMidRunFailsClearlyAndTheReRunFinishes() throws Exception {
    LabNode node3 = lab.nodes().get(2);
    ok(node3, "rm", "-rf", "/var/lib/kubeferry/checkpoints"); // node3's prepare steps must run again
    RunListener killer = new RunListener() {
      @Override
      public void stepStarted(String host, Step step) {
        if (host.equals("node3") && step.id().equals("prepare.packages")) {
          node3.exec("sh", "-c", "systemctl stop ssh.socket ssh.service; pkill -KILL -f 'sshd: ' || true");
        }
      }
    };
    AtomicReference<PreflightReport> preflight = new AtomicReference<>();
    try (SshExecutor ssh = new SshExecutor(ssh().withConnectAttempts(2))) {
      RunReport broken = install(ssh, LAB_IGNORES, preflight, killer);
      System.out.println(broken.table());
      assertFalse(broken.ok());
      StepResult f = broken.failures().get(0);
      assertEquals("node3", f.host());
      assertEquals("prepare.packages", f.step());
      assertTrue(f.detail().contains("node3"), f.detail());
      assertTrue(broken.table().lines().skip(1).findFirst().orElseThrow().startsWith("node3"), broken.table());
    }
    ok(node3, "systemctl", "start", "ssh.service");
    try (SshExecutor ssh = new SshExecutor(ssh())) {
      RunReport again = install(ssh, LAB_IGNORES, preflight, RunListener.NONE);
      assertTrue(again.ok(), again.table());
      assertTrue(again.results().stream().filter(r -> r.host().equals("node3") && r.step().equals("prepare.packages"))
          .allMatch(r -> r.status() == StepResult.Status.UNCHANGED), again.table());
    }
  }

  @Test
  @Order(4)
  void aChangedHostKeyIsRefused() throws Exception {
    LabNode node5 = lab.nodes().get(4);
    ok(node5, "sh", "-c", "rm -f /etc/ssh/ssh_host_* && ssh-keygen -A >/dev/null && systemctl restart ssh.service");
    String before = Files.readString(lab.knownHosts());
    try (SshExecutor ssh = new SshExecutor(ssh().withAcceptNewHostKeys(true))) {
      RunReport r = install(ssh, LAB_IGNORES, new AtomicReference<>(), RunListener.NONE);
      System.out.println(r.failures().get(0).detail());
      assertFalse(r.ok());
      StepResult f = r.failures().get(0);
      assertEquals("node5", f.host());
      assertTrue(f.detail().startsWith("refusing to connect to node5 (" + node5.address() + ":22): its host key"
          + " CHANGED"), f.detail());
    }
    assertEquals(before, Files.readString(lab.knownHosts()));
  }

  /** Checksums and mtimes of everything prepare writes, plus the rpm database, per node. */
  static Map<String, String> snapshot() {
    Map<String, String> m = new LinkedHashMap<>();
    for (LabNode node : lab.nodes()) {
      m.put(node.hostname(), ok(node, "sh", "-c", "find /etc/yum.repos.d /etc/pki/rpm-gpg /etc/docker"
          + " /etc/modules-load.d /etc/sysctl.d /var/lib/kubeferry /etc/fstab /etc/systemd/system -type f"
          + " -printf '%p %T@ %s\\n' | sort; find /etc/yum.repos.d /etc/docker /var/lib/kubeferry -type f"
          + " -exec sha256sum {} + | sort; rpm -qa | sort"));
    }
    return m;
  }

  static String ok(LabNode node, String... cmd) {
    ExecResult r = node.exec(cmd);
    assertTrue(r.succeeded(), String.join(" ", cmd) + " on " + node.hostname() + ": " + r.output());
    return r.stdout();
  }
}
