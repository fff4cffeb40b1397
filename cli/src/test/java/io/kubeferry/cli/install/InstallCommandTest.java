package io.kubeferry.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.cli.Main;
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

  @Test
  void dryRunPrintsThePlanWithoutTouchingHosts(@TempDir Path dir) throws Exception {
    Run r = run("install", "--bundle", "b.tgz", "--inventory", inventory(dir).toString(), "--topology",
        "ha-stacked", "--phases", "verify,preflight,prepare", "--dry-run");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("phase 1: verify (on this machine)\n    - verify b.tgz"), r.out());
    assertTrue(r.out().contains("phase 2: preflight: gather facts (4 hosts in parallel"), r.out());
    assertTrue(r.out().contains("  cp1 [control-plane,etcd,registry] kube@10.1.0.11:22\n"), r.out());
    assertTrue(r.out().contains("    3. prepare.packages: install the bundle's pinned packages: dnf -y"
        + " --disablerepo='*' --enablerepo=kubeferry install"), r.out());
    assertTrue(r.out().contains("  w1 [worker] kube@10.1.0.21:22\n    1. prepare.repo-copy"), r.out());
    assertTrue(r.out().endsWith("dry run: nothing was changed on any host\n"), r.out());
  }

  @Test
  void plainInstallAndLaterPhasesAreClearUsageErrors(@TempDir Path dir) throws Exception {
    String inv = inventory(dir).toString();
    Run plain = run("install", "--bundle", "b.tgz", "--inventory", inv, "--topology", "ha-stacked");
    assertEquals(2, plain.code());
    assertTrue(plain.err().contains("arrive with the bootstrap issue; use --phases verify,preflight,prepare"),
        plain.err());
    Run later = run("install", "--bundle", "b.tgz", "--inventory", inv, "--topology", "ha-stacked", "--phases",
        "verify,etcd");
    assertEquals(2, later.code());
    assertTrue(later.err().contains("phase 'etcd' is not available yet"), later.err());
    Run noKey = run("install", "--bundle", "b.tgz", "--inventory", inv, "--topology", "ha-stacked", "--phases",
        "prepare");
    assertEquals(2, noKey.code());
    assertTrue(noKey.err().contains("--key is required"), noKey.err());
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
    Run r = run("install", "--bundle", "b.tgz", "--inventory", inv.toString(), "--topology", "single", "--phases",
        "prepare", "--dry-run");
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
