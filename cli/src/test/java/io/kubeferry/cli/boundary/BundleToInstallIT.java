package io.kubeferry.cli.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.lab.LabKubeferryHome;
import io.kubeferry.lab.node.ExecResult;
import io.kubeferry.lab.node.LabNode;
import io.kubeferry.lab.node.LabNodes;
import io.kubeferry.lab.registry.LabUpstream;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepos;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundary between bundler and installer, crossed as an operator crosses it: {@code kubeferry bundle build}
 * against the lab's stand-ins for the upstream hosts, then the bundle's <em>own</em> installer (its launcher, jars
 * and jlink'ed runtime, taken out of the tarball) run on lab node 1 with that node {@code connection: local} and
 * the others over SSH, through {@code verify,preflight,prepare}. And a bundle for another OS profile (kylin-v10)
 * prepares a node too.
 */
class BundleToInstallIT {
  static final Path TEMURIN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
  static final String LAB_IGNORES = "os,duplicate-product-uuid";

  @TempDir static Path tmp;
  static LabUpstream upstream;
  static LabYumRepos yum;
  static String savedHome;

  @BeforeAll
  static void labAndHome() throws Exception {
    assumeTrue(Files.isDirectory(TEMURIN), "a JDK for EL7 (Temurin) is needed for the bundled runtime");
    upstream = LabUpstream.start();
    yum = LabYumRepos.start();
    LabKubeferryHome.write(tmp.resolve("home"), upstream, yum);
    savedHome = System.getProperty("kubeferry.home");
    System.setProperty("kubeferry.home", tmp.resolve("home").toString());
    assertEquals(0, run("keygen").code());
  }

  @AfterAll
  static void stop() {
    if (savedHome == null) {
      System.clearProperty("kubeferry.home");
    } else {
      System.setProperty("kubeferry.home", savedHome);
    }
    if (yum != null) {
      yum.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Flags only a source checkout needs (a distribution finds its jars and templates itself). */
  static List<String> checkout(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--installer-lib", Path.of("target/kubeferry/lib").toAbsolutePath().toString(), "--templates",
        Path.of("../manifests").toAbsolutePath().toString()));
    return a;
  }

  @Test
  void theBundlesOwnInstallerPreparesEveryNodeFromNode1() throws Exception {
    Path bundle = tmp.resolve("out/kubeferry-1.23.1-el7-amd64.tgz");
    Run build = run(checkout("bundle", "build", "--k8s", "1.23.1", "-o", bundle.toString()).toArray(String[]::new));
    assertEquals(0, build.code(), build.err());
    try (LabNodes lab = LabNodes.start(3)) {
      List<LabNode> n = lab.nodes();
      for (LabNode node : n) {
        BaseOsRpmdb.register(node, yum.repos().root(), "el7");
      }
      LabNode first = n.get(0);
      stage(first, bundle, lab);
      StringBuilder inv = new StringBuilder("""
          apiVersion: kubeferry.io/v1alpha1
          kind: Inventory
          defaults: {ssh: {user: root, key: /root/dc/id_ed25519}}
          hosts:
          """);
      for (LabNode node : n) {
        inv.append("  - {name: ").append(node.hostname()).append(", address: ").append(node.address())
            .append(node == first ? ", connection: local" : "").append("}\n");
      }
      inv.append("roles: {control-plane: [node1], worker: [node2, node3]}\ncluster: {firewalld: disable}\n");
      Files.writeString(tmp.resolve("inventory.yaml"), inv);
      BaseOsRpmdb.run("docker", "cp", tmp.resolve("inventory.yaml").toString(), first.containerName()
          + ":/root/dc/inventory.yaml");

      ExecResult trust = inNode(first, "installer/kubeferry trust add /root/dc/signing-key.pub.asc");
      assertEquals(0, trust.exitCode(), trust.output());
      // As typed inside the datacenter: inventory.yaml here, the key from the trust store, every implemented phase.
      ExecResult install = inNode(first, "installer/kubeferry install --bundle /root/dc/"
          + bundle.getFileName() + " --topology single --known-hosts /root/dc/known_hosts --ignore-preflight "
          + LAB_IGNORES);
      assertEquals(0, install.exitCode(), install.output());
      assertTrue(install.output().contains("node1") && install.output().contains("node3"), install.output());
      for (LabNode node : n) {
        ExecResult q = node.exec("rpm", "-q", "kubeadm", "kubelet", "kubectl");
        assertEquals("kubeadm-1.23.1-0.x86_64\nkubelet-1.23.1-0.x86_64\nkubectl-1.23.1-0.x86_64", q.stdout().strip(),
            node.hostname() + ": " + q.output());
        assertEquals("enabled", node.exec("systemctl", "is-enabled", "kubelet").stdout().strip(), node.hostname());
      }
      // node1 ran the installer itself: no SSH connection to node1 was opened (its log is the local machine's)
      ExecResult logs = first.exec("ls", "/root/dc/logs");
      assertTrue(logs.stdout().contains("node2.log"), logs.output());
      ExecResult again = inNode(first, "installer/kubeferry install --bundle /root/dc/" + bundle.getFileName()
          + " --topology single --known-hosts /root/dc/known_hosts --ignore-preflight " + LAB_IGNORES);
      assertEquals(0, again.exitCode(), again.output());
      assertTrue(again.output().contains("already done"), "a re-run changes nothing: " + again.output());
    }
  }

  @Test
  void aBundleForKylinV10PreparesANode() throws Exception {
    Path bundle = tmp.resolve("kylin/kubeferry-1.23.1-kylin-v10-amd64.tgz");
    Path key = Files.writeString(tmp.resolve("lab-repo.asc"), yum.gpgKey().publicKeyArmored());
    List<String> args = checkout("bundle", "build", "--k8s", "1.23.1", "--os", "kylin-v10", "--no-default-repos",
        "-o", bundle.toString());
    for (LabRepo r : LabRepo.values()) {
      String id = r.name().toLowerCase(Locale.ROOT).replace('_', '-');
      args.addAll(List.of("--repo", id + "=" + yum.url(r), "--repo-key", id + "=" + key));
    }
    Run build = run(args.toArray(String[]::new));
    assertEquals(0, build.code(), build.err());
    Run inspect = run("bundle", "inspect", bundle.toString());
    assertTrue(inspect.out().contains("os:          kylin-v10"), inspect.out());
    try (LabNodes lab = LabNodes.start(1)) {
      LabNode node = lab.nodes().get(0);
      BaseOsRpmdb.register(node, yum.repos().root(), "kylin-v10");
      Path inv = Files.writeString(tmp.resolve("kylin.yaml"), """
          apiVersion: kubeferry.io/v1alpha1
          kind: Inventory
          defaults: {ssh: {user: root, key: %s}}
          hosts:
            - {name: node1, address: %s}
          roles: {control-plane: [node1], worker: [node1]}
          cluster: {firewalld: disable}
          """.formatted(lab.clientKey(), node.address()));
      Run install = run("install", "--bundle", bundle.toString(), "--key",
          tmp.resolve("home/signing-key.pub.asc").toString(), "--inventory", inv.toString(), "--topology", "single",
          "--phases", "verify,preflight,prepare", "--known-hosts", lab.knownHosts().toString(), "--ignore-preflight",
          LAB_IGNORES, "--state-dir", tmp.resolve("kylin-state").toString(), "--log-dir",
          tmp.resolve("kylin-logs").toString());
      assertEquals(0, install.code(), install.out() + install.err());
      ExecResult q = node.exec("rpm", "-q", "kubeadm", "docker-ce");
      assertTrue(q.succeeded() && q.stdout().contains("kubeadm-1.23.1-0"), q.output());
    }
  }

  /** Copies what the operator carries into the datacenter to {@code /root/dc} on the node. */
  private static void stage(LabNode node, Path bundle, LabNodes lab) throws Exception {
    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    BaseOsRpmdb.run("tar", "-xzf", bundle.toString(), "-C", unpacked.toString(), "installer/");
    node.exec("mkdir", "-p", "/root/dc");
    String c = node.containerName() + ":/root/dc/";
    BaseOsRpmdb.run("docker", "cp", unpacked.resolve("installer").toString(), c);
    for (Path f : List.of(bundle, Path.of(bundle + ".asc"), tmp.resolve("home/signing-key.pub.asc"),
        lab.knownHosts())) {
      BaseOsRpmdb.run("docker", "cp", f.toString(), c);
    }
    BaseOsRpmdb.run("docker", "cp", lab.clientKey().toString(), c + "id_ed25519");
    node.exec("chmod", "0600", "/root/dc/id_ed25519");
  }

  private static ExecResult inNode(LabNode node, String command) {
    return node.exec("sh", "-c", "cd /root/dc && KUBEFERRY_HOME=/root/dc/home " + command + " 2>&1");
  }
}
