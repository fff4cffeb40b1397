package io.kubeferry.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.cli.Main;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.pack.BuildOptions;
import io.kubeferry.core.pack.BundleBuilder;
import io.kubeferry.core.pack.BundleContents;
import io.kubeferry.core.pack.PackEntry;
import io.kubeferry.core.sign.Signer;
import java.util.List;
import java.util.Map;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install/preflight commands' argument handling and --dry-run; no host is contacted. */
class InstallCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path inventory(Path dir) throws Exception {
    Path f = dir.resolve("hosts.yaml");
    Files.writeString(f, """
        apiVersion: kubeferry.io/v1alpha1
        kind: Inventory
        defaults: {ssh: {user: kube, key: id_ed25519}}
        hosts:
          - {name: cp1, address: 10.1.0.11}
          - {name: cp2, address: 10.1.0.12}
          - {name: cp3, address: 10.1.0.13}
          - {name: w1, address: 10.1.0.21}
        roles:
          etcd: [cp1, cp2, cp3]
          control-plane: [cp1, cp2, cp3]
          worker: [w1]
        cluster: {vip: 10.1.0.100}
        """);
    return f;
  }

  /** A small signed bundle in {@code dir/b.tgz}, its public key in {@code dir/key/}. */
  static Path bundle(Path dir) throws Exception {
    Run keygen = run("keygen", "-o", dir.resolve("key").toString());
    assertEquals(0, keygen.code(), keygen.err());
    String readme = "manifests/README";
    BundleContents contents = new BundleContents("1.23.1", "el7", "amd64", new ClusterComponents("k8s.gcr.io", "3.6",
        "3.5.1-0", "v1.8.6", "none", "", "none"), Map.of(), List.of(), List.of(), List.of(), List.of());
    Path bundle = dir.resolve("b.tgz");
    new BundleBuilder().build(new BuildOptions(contents, null, null, Map.of(readme, PackEntry.ofBytes(readme,
        new byte[] {'x'})), null, null, Signer.fromFile(dir.resolve("key/signing-key.asc"), null), bundle, null,
        null));
    return bundle;
  }

  @Test
  void dryRunPrintsThePlanWithoutTouchingHosts(@TempDir Path dir) throws Exception {
    Path b = bundle(dir);
    Run r = run("install", "--bundle", b.toString(), "--key", dir.resolve("key/signing-key.pub.asc").toString(),
        "--inventory", inventory(dir).toString(), "--topology", "ha-stacked", "--phases", "verify,preflight,prepare",
        "--dry-run");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("phase 1: verify (on this machine)\n    - verify " + b), r.out());
    assertTrue(r.out().contains("phase 2: preflight: gather facts (4 hosts in parallel"), r.out());
    assertTrue(r.out().contains("  cp1 [control-plane,etcd,registry] kube@10.1.0.11:22\n"), r.out());
    assertTrue(r.out().contains("    3. prepare.packages: install the bundle's pinned packages: dnf -y"
        + " --disablerepo='*' --enablerepo=kubeferry install"), r.out());
    assertTrue(r.out().contains("  w1 [worker] kube@10.1.0.21:22\n    1. prepare.repo-copy"), r.out());
    assertTrue(r.out().endsWith("dry run: nothing was changed on any host\n"), r.out());
  }

  @Test
  void untrustedBundlesMissingInventoriesAndLaterPhasesAreClearUsageErrors(@TempDir Path dir) throws Exception {
    String inv = inventory(dir).toString();
    Path b = bundle(dir);
    String saved = System.getProperty("kubeferry.home");
    System.setProperty("kubeferry.home", dir.resolve("home").toString());
    try {
      Run untrusted = run("install", "--bundle", b.toString(), "--inventory", inv, "--topology", "ha-stacked",
          "--dry-run");
      assertEquals(2, untrusted.code());
      assertTrue(untrusted.err().contains("which is not trusted here") && untrusted.err().contains("trust add"),
          untrusted.err());
      Run trust = run("trust", "add", dir.resolve("key/signing-key.pub.asc").toString());
      assertEquals(0, trust.code(), trust.err());
      String fingerprint = trust.out().split(" ")[1];
      assertTrue(untrusted.err().contains(fingerprint), untrusted.err() + " names " + fingerprint);
      Run trusted = run("install", "--bundle", b.toString(), "--inventory", inv, "--topology", "ha-stacked",
          "--dry-run");
      assertEquals(0, trusted.code(), trusted.err());
      assertTrue(trusted.err().contains("running every phase implemented so far (verify,preflight,prepare)"),
          trusted.err());
      assertTrue(trusted.out().contains("phase 4: prepare"), trusted.out());
      Run noInventory = run("install", "--bundle", b.toString(), "--inventory", dir.resolve("none.yaml").toString(),
          "--topology", "single", "--dry-run");
      assertEquals(2, noInventory.code());
      assertTrue(noInventory.err().contains("kubeferry inventory example --topology single > inventory.yaml"),
          noInventory.err());
    } finally {
      if (saved == null) {
        System.clearProperty("kubeferry.home");
      } else {
        System.setProperty("kubeferry.home", saved);
      }
    }
    Run later = run("install", "--bundle", "b.tgz", "--inventory", inv, "--topology", "ha-stacked", "--phases",
        "verify,etcd");
    assertEquals(2, later.code());
    assertTrue(later.err().contains("phase 'etcd' is not available yet"), later.err());
    Run badIgnore = run("preflight", "--bundle", "b.tgz", "--inventory", inv, "--topology", "ha-stacked",
        "--ignore-preflight", "swapp");
    assertEquals(2, badIgnore.code());
    assertTrue(badIgnore.err().contains("unknown preflight check 'swapp'"), badIgnore.err());
  }

  @Test
  void aBundleThatFailsVerificationExitsWith3(@TempDir Path dir) throws Exception {
    Run keygen = run("keygen", "-o", dir.resolve("key").toString());
    assertEquals(0, keygen.code(), keygen.err());
    Path bundle = Files.write(dir.resolve("b.tgz"), new byte[] {1, 2, 3}); // no b.tgz.asc beside it
    Run r = run("install", "--bundle", bundle.toString(), "--key", dir.resolve("key/signing-key.pub.asc").toString(),
        "--inventory", inventory(dir).toString(), "--topology", "ha-stacked", "--phases", "verify",
        "--state-dir", dir.resolve("state").toString(), "--log-dir", dir.resolve("logs").toString());
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("kubeferry: error: local verify.bundle: could not verify bundle " + bundle
        + ": missing signature"), r.err());
  }

  @Test
  void dryRunShowsTheLocalHost(@TempDir Path dir) throws Exception {
    Path inv = Files.writeString(dir.resolve("local.yaml"), """
        apiVersion: kubeferry.io/v1alpha1
        kind: Inventory
        defaults: {ssh: {user: kube, key: id_ed25519}}
        hosts:
          - {name: cp1, address: 10.1.0.11, connection: local}
          - {name: w1, address: 10.1.0.21}
        roles: {control-plane: [cp1], worker: [w1]}
        """);
    Path b = bundle(dir);
    Run r = run("install", "--bundle", b.toString(), "--key", dir.resolve("key/signing-key.pub.asc").toString(),
        "--inventory", inv.toString(), "--topology", "single", "--phases", "prepare", "--dry-run");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("  cp1 [control-plane,registry] local\n"), r.out());
    assertTrue(r.out().contains("  w1 [worker] kube@10.1.0.21:22\n"), r.out());
  }

  @Test
  void inventoryProblemsAreListedTogether(@TempDir Path dir) throws Exception {
    Run r = run("install", "--bundle", "b.tgz", "--inventory", inventory(dir).toString(), "--topology",
        "single", "--phases", "preflight", "--dry-run");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("kubeferry: error: could not load inventory "), r.err());
    assertTrue(r.err().contains("roles.control-plane: topology single needs exactly 1 control plane, found 3"),
        r.err());
  }
}
