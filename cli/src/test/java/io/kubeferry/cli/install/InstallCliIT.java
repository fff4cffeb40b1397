package io.kubeferry.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.lab.installer.FixtureBundle;
import io.kubeferry.lab.node.ExecResult;
import io.kubeferry.lab.node.LabNode;
import io.kubeferry.lab.node.LabNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubeferry preflight} and {@code kubeferry install --phases verify,preflight,prepare} end to end on two lab
 * nodes, with containerd as the runtime (its configuration regenerated with SystemdCgroup = true).
 */
class InstallCliIT {
  @Test
  void preflightReportsAndInstallPreparesBothNodes(@TempDir Path dir) throws Exception {
    FixtureBundle bundle = FixtureBundle.build(dir.resolve("fixture"));
    try (LabNodes lab = LabNodes.start(2)) {
      List<LabNode> n = lab.nodes();
      Path inv = dir.resolve("hosts.yaml");
      Files.writeString(inv, """
          apiVersion: kubeferry.io/v1alpha1
          kind: Inventory
          defaults: {ssh: {user: kube, key: %s}}
          hosts:
            - {name: node1, address: %s}
            - {name: node2, address: %s}
          roles: {control-plane: [node1], worker: [node2]}
          cluster: {runtime: containerd, firewalld: leave}
          """.formatted(lab.clientKey(), n.get(0).address(), n.get(1).address()));
      String[] common = {"--bundle", bundle.tarball().toString(), "--key", bundle.publicKey().toString(),
          "--inventory", inv.toString(), "--topology", "single", "--known-hosts", lab.knownHosts().toString(),
          "--state-dir", dir.resolve("state").toString(), "--log-dir", dir.resolve("logs").toString()};

      InstallCommandTest.Run pre = InstallCommandTest.run(concat(new String[] {"preflight"}, common));
      assertEquals(1, pre.code(), pre.out() + pre.err());
      assertTrue(pre.out().matches("(?s)HOST\\s+CHECK\\s+LEVEL\\s+MESSAGE\n.*node1\\s+os\\s+error\\s+OS is debian"
          + " 12 but the bundle's packages are for el7.*"), pre.out());
      assertTrue(pre.err().contains("kubeferry: error: local preflight.evaluate: preflight found"), pre.err());

      InstallCommandTest.Run run = InstallCommandTest.run(concat(new String[] {"install", "--phases",
          "verify,preflight,prepare", "--ignore-preflight", "os,duplicate-product-uuid"}, common));
      assertEquals(0, run.code(), run.out() + run.err());
      assertTrue(run.out().contains("install steps finished: "), run.out());
      assertTrue(run.err().contains("[node2] prepare.packages: done"), run.err());
      for (LabNode node : n) {
        ExecResult toml = node.exec("cat", "/etc/containerd/config.toml");
        assertTrue(toml.stdout().contains("SystemdCgroup = true"), toml.output());
        assertTrue(toml.stdout().contains("disabled_plugins = []"), toml.output());
        assertEquals("active\n", node.exec("systemctl", "is-active", "containerd").stdout());
        assertTrue(node.exec("rpm", "-q", "kubeadm-1.23.1-0").succeeded());
      }
      String log = Files.readString(dir.resolve("logs/node2.log"));
      // The packages in the manifest's order: the Kubernetes role's, sorted, conntrack-tools first.
      assertTrue(log.contains("sudo$ dnf install conntrack-tools-1.4.4-7.el7.noarch cri-tools-1.19.0-0.noarch"
          + " kubeadm-1.23.1-0.noarch"), log);

      InstallCommandTest.Run again = InstallCommandTest.run(concat(new String[] {"install", "--phases",
          "verify,preflight,prepare", "--ignore-preflight", "os,duplicate-product-uuid"}, common));
      assertEquals(0, again.code(), again.out() + again.err());
      assertTrue(again.out().contains("18 already done"), again.out());
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
