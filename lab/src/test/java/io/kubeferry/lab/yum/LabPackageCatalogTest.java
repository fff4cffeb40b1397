package io.kubeferry.lab.yum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Nevra;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab package data carries the upstream facts the later issues rely on (docs/kubernetes-facts.md §2). */
class LabPackageCatalogTest {
  private static LabPackage find(List<LabPackage> all, String nevra) {
    return all.stream().filter(p -> p.nevra().equals(Nevra.parse(nevra))).findFirst().orElseThrow();
  }

  @Test
  void definitionsCarryTheRealRequiresEpochsAndArches() throws Exception {
    List<LabPackage> all = LabPackageCatalog.load();
    assertEquals(List.of("iptables >= 1.4.21", "kubernetes-cni >= 0.8.7", "socat", "util-linux", "ethtool",
        "iproute", "ebtables", "conntrack"), find(all, "kubelet-1.23.1-0.x86_64").requires());
    assertEquals(List.of("kubelet >= 1.19.0", "kubectl >= 1.19.0", "kubernetes-cni >= 0.8.6",
        "cri-tools >= 1.19.0"), find(all, "kubeadm-1.23.1-0.aarch64").requires());
    assertTrue(find(all, "docker-ce-3:20.10.12-3.el7.x86_64").requires().contains("container-selinux >= 2:2.74"));
    assertEquals(List.of("containerd", "runc"), find(all, "containerd.io-1.4.12-3.1.el7.x86_64").obsoletes());
    assertEquals("noarch", find(all, "container-selinux-2:2.119.2-1.911c772.el7_8.noarch").nevra().arch());
    assertTrue(all.stream().anyMatch(p -> p.nevra().arch().equals("i686")), "i686 decoy present");
    for (String k : List.of("kubeadm", "kubelet", "kubectl")) {
      for (String v : List.of("1.22.5", "1.23.1", "1.23.6", "1.24.0")) {
        for (String arch : List.of("x86_64", "aarch64")) {
          find(all, k + "-" + v + "-0." + arch);
        }
      }
    }
  }

  @Test
  void badDefinitionsFailWithTheEntryNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabPackageCatalog.parse("- repo: base\n  name: x\n  versions: [1-1]\n  arches: [x86_64]\n"
            + "  files: [../etc/passwd]\n"));
    assertTrue(e.getMessage().contains("../etc/passwd"), e.getMessage());
  }

  @Test
  void testDoublesAreClearlyNamed() {
    LabPackage kubeadm = LabPackage.simple("kubernetes", Nevra.parse("kubeadm-1.23.1-0.x86_64"), List.of());
    String script = new String(TestDoublePayloads.content(kubeadm, "/usr/bin/kubeadm"));
    assertTrue(script.startsWith("#!/bin/sh\n"));
    assertTrue(script.contains("kubeferry-lab TEST DOUBLE for kubeadm"), script);
    assertTrue(TestDoublePayloads.executable("/usr/sbin/conntrack"));
    assertTrue(!TestDoublePayloads.executable("/etc/sysconfig/kubelet"));
  }

  @Test
  void serviceUnitsAreValidTestDoubleUnitsThatStayUp() {
    LabPackage docker = withFiles("docker-ce", "docker-ce-20.10.12-3.el7.x86_64",
        List.of("/usr/bin/dockerd", "/usr/lib/systemd/system/docker.service"));
    String unit = new String(TestDoublePayloads.content(docker, "/usr/lib/systemd/system/docker.service"));
    assertTrue(unit.contains("[Unit]\nDescription=kubeferry-lab TEST DOUBLE for dockerd\n"), unit);
    assertTrue(unit.contains("[Service]\nType=simple\nExecStart=/usr/bin/dockerd --kubeferry-lab-daemon\n"), unit);
    assertTrue(unit.contains("[Install]\nWantedBy=multi-user.target\n"), unit);
    String daemon = new String(TestDoublePayloads.content(docker, "/usr/bin/dockerd"));
    assertTrue(daemon.contains("if [ \"$1\" = --kubeferry-lab-daemon ]; then exec sleep infinity; fi"), daemon);
    LabPackage orphan = withFiles("base", "x-1-1.x86_64", List.of("/usr/lib/systemd/system/x.service"));
    assertThrows(IllegalArgumentException.class,
        () -> TestDoublePayloads.content(orphan, "/usr/lib/systemd/system/x.service"));
  }

  private static LabPackage withFiles(String repo, String nevra, List<String> files) {
    List<String> none = List.of();
    return new LabPackage(repo, Nevra.parse(nevra), none, none, none, none, none, none, none, none, files);
  }
}
