package io.kubeferry.installer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.lab.installer.FixtureBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real signed fixture bundle: verified and turned into the pinned install source; tampering is refused. */
class BundleSourceIT {
  @Test
  void verifiesExtractsAndPinsPackages(@TempDir Path dir) throws Exception {
    FixtureBundle b = FixtureBundle.build(dir.resolve("fixture"));
    BundleSource.Opened o = BundleSource.open(b.tarball(), b.publicKey(), dir.resolve("work"));
    InstallSource s = o.source();
    assertEquals("1.23.1", s.kubernetesVersion());
    assertEquals("el7", s.osProfile());
    assertEquals("x86_64", s.arch());
    assertEquals(List.of("conntrack-tools-1.4.4-7.el7.noarch", "cri-tools-1.19.0-0.noarch", "kubeadm-1.23.1-0.noarch",
        "kubectl-1.23.1-0.noarch", "kubelet-1.23.1-0.noarch", "kubernetes-cni-0.8.7-0.noarch",
        "containerd.io-1.6.33-3.1.el7.noarch"), s.packages(io.kubeferry.core.bundle.PackageRole.RUNTIME_CONTAINERD));
    assertTrue(Files.isRegularFile(s.repoDir().resolve("repodata/repomd.xml.asc")));

    Path tampered = dir.resolve("t.tgz");
    byte[] bytes = Files.readAllBytes(b.tarball());
    bytes[bytes.length / 2] ^= 1;
    Files.write(tampered, bytes);
    Files.copy(Path.of(b.tarball() + ".asc"), Path.of(tampered + ".asc"));
    BundleException e = assertThrows(BundleException.class,
        () -> BundleSource.open(tampered, b.publicKey(), dir.resolve("work2")));
    assertTrue(e.integrity(), e.getMessage());
  }
}
