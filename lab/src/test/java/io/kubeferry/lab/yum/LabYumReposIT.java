package io.kubeferry.lab.yum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real dnf against the three served lab repos, gpgcheck and repo_gpgcheck on. */
class LabYumReposIT {
  private static LabYumRepos lab;

  @BeforeAll
  static void start() throws Exception {
    lab = LabYumRepos.start();
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void pinnedInstallResolvesTheWholeChainWithSignaturesChecked(@TempDir Path work) throws Exception {
    LabDnf dnf = LabDnf.in(work, lab.repoFile(List.of(LabRepo.values())));
    Processes.Outcome o = dnf.install(List.of("kubeadm-1.23.1-0", "kubelet-1.23.1-0", "kubectl-1.23.1-0",
        "kubernetes-cni-0.8.7-0", "cri-tools-1.19.0-0"));
    assertEquals(0, o.exitCode(), o.output());
    Set<String> expected = new TreeSet<>(List.of(
        "kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64", "kubectl-1.23.1-0.x86_64",
        "kubernetes-cni-0.8.7-0.x86_64", "cri-tools-1.19.0-0.x86_64",
        "bash-4.2.46-35.el7_9.x86_64", "conntrack-tools-1.4.4-7.el7.x86_64", "ebtables-2.0.10-16.el7.x86_64",
        "ethtool-2:4.8-10.el7.x86_64", "iproute-4.11.0-30.el7.x86_64", "iptables-1.4.21-35.el7.x86_64",
        "libmnl-1.0.3-7.el7.x86_64", "libnetfilter_cthelper-1.0.0-11.el7.x86_64",
        "libnetfilter_cttimeout-1.0.0-7.el7.x86_64", "libnetfilter_queue-1.0.2-2.el7_2.x86_64",
        "socat-1.7.3.2-2.el7.x86_64", "util-linux-2.23.2-65.el7_9.1.x86_64"));
    assertEquals(expected, dnf.installed());
    // the payload is the named test double, installed executable
    Path kubeadm = dnf.installRoot().resolve("usr/bin/kubeadm");
    assertTrue(Files.isExecutable(kubeadm));
    assertTrue(Files.readString(kubeadm).contains("kubeferry-lab TEST DOUBLE for kubeadm"));
    // the sha256-prefixed kubernetes packages and signed metadata really were fetched over HTTP
    assertTrue(lab.requestCount("/kubernetes/repodata/repomd.xml.asc") >= 1);
  }

  @Test
  void unpinnedInstallPicksTheNewestWrongKubelet(@TempDir Path work) throws Exception {
    LabDnf dnf = LabDnf.in(work, lab.repoFile(List.of(LabRepo.values())));
    Processes.Outcome o = dnf.install(List.of("kubeadm"));
    assertEquals(0, o.exitCode(), o.output());
    TreeSet<String> installed = dnf.installed();
    assertTrue(installed.contains("kubelet-1.24.0-0.x86_64"), installed.toString());
    assertTrue(installed.contains("kubernetes-cni-1.1.1-0.x86_64"), installed.toString());
    assertTrue(installed.contains("cri-tools-1.24.2-0.x86_64"), installed.toString());
  }

  @Test
  void dockerCeInstallsWithEpochsAndFileRequires(@TempDir Path work) throws Exception {
    LabDnf dnf = LabDnf.in(work, lab.repoFile(List.of(LabRepo.values())));
    Processes.Outcome o = dnf.install(List.of("docker-ce-3:20.10.12-3.el7", "docker-ce-cli-1:20.10.12-3.el7",
        "containerd.io-1.4.12-3.1.el7"));
    assertEquals(0, o.exitCode(), o.output());
    TreeSet<String> installed = dnf.installed();
    for (String p : List.of("docker-ce-3:20.10.12-3.el7.x86_64", "docker-ce-cli-1:20.10.12-3.el7.x86_64",
        "containerd.io-1.4.12-3.1.el7.x86_64", "container-selinux-2:2.119.2-1.911c772.el7_8.noarch",
        "shadow-utils-2:4.6-5.el7.x86_64", "fuse-overlayfs-0.7.2-6.el7_8.x86_64",
        "slirp4netns-0.4.3-4.el7_8.x86_64", "docker-scan-plugin-0.17.0-3.el7.x86_64")) {
      assertTrue(installed.contains(p), p + " missing from " + installed);
    }
    assertTrue(installed.stream().noneMatch(p -> p.endsWith(".i686")), installed.toString());
  }

  @Test
  void aWrongKeyIsRejectedByDnf(@TempDir Path work) throws Exception {
    LabGpgKey other = LabGpgKey.named("other");
    assertNotEquals(other.fingerprint(), lab.gpgKey().fingerprint());
    Path otherKey = work.resolve("other.asc");
    Files.writeString(otherKey, other.publicKeyArmored());
    String repo = lab.repoFile(List.of(LabRepo.BASE))
        .replace(lab.baseUrl() + "RPM-GPG-KEY", otherKey.toUri().toString());
    LabDnf dnf = LabDnf.in(work, repo);
    Processes.Outcome o = dnf.install(List.of("socat"));
    assertNotEquals(0, o.exitCode(), o.output());
    assertTrue(dnf.installed().isEmpty());
  }
}
