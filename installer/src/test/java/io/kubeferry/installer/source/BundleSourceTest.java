package io.kubeferry.installer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.BundleManifestCodec;
import io.kubeferry.core.bundle.PackageRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install takes its packages from the manifest as resolved: it re-derives and guesses nothing. */
class BundleSourceTest {
  @TempDir Path root;

  private InstallSource source(BundleManifest m) throws Exception {
    Files.createDirectories(root.resolve("repo/repodata"));
    Files.writeString(root.resolve("repo/repodata/repomd.xml.asc"), "signature");
    return BundleSource.toSource(m, root, root.resolve("key.asc"));
  }

  @Test
  void theRuntimeDecidesWhichRolesAreInstalledInTheManifestsOrder() throws Exception {
    InstallSource s = source(TestSources.el7(root, root.resolve("k"), Map.of()).manifest());
    assertEquals(List.of("conntrack-tools-1.4.4-7.el7.x86_64", "kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64",
        "containerd.io-1.6.33-3.1.el7.x86_64", "docker-ce-3:20.10.24-3.el7.x86_64"),
        s.packages(PackageRole.RUNTIME_DOCKER));
    assertEquals(List.of("conntrack-tools-1.4.4-7.el7.x86_64", "kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64",
        "containerd.io-1.6.33-3.1.el7.x86_64"), s.packages(PackageRole.RUNTIME_CONTAINERD));
  }

  @Test
  void anyProfileTheBundlerWritesIsUsable() throws Exception {
    InstallSource kylin = source(TestSources.manifest("1.23.1", "kylin-v10", Map.of(PackageRole.KUBERNETES,
        List.of("kubeadm-1.23.1-0.x86_64"), PackageRole.RUNTIME_CONTAINERD,
        List.of("containerd.io-1.6.33-3.1.el7.x86_64"))));
    assertEquals("kylin-v10", kylin.osProfile());
    assertEquals("x86_64", kylin.arch());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kylin.packages(PackageRole.RUNTIME_DOCKER));
    assertTrue(e.getMessage().contains("no runtime-docker packages"), e.getMessage());
  }

  @Test
  void aDeltaIsRefusedNamingItsBase() throws Exception {
    BundleManifest whole = TestSources.el7(root, root.resolve("k"), Map.of()).manifest();
    BundleManifest delta = new BundleManifest(whole.apiVersion(), whole.kind(), whole.kubernetesVersion(), whole.os(),
        whole.arch(), whole.signer(), whole.cluster(), whole.packages(), whole.sources(), whole.images(), whole.rpms(),
        whole.templates(), List.of(), new io.kubeferry.core.bundle.BaseBundle(whole.files().get(0).sha256(),
        "base.tgz"), whole.files().stream().map(f -> f.inBase()).toList());
    BundleException e = assertThrows(BundleException.class, () -> source(delta));
    assertTrue(e.getMessage().startsWith("could not use bundle: it is a delta on base.tgz (bundle.yaml sha256:"),
        e.getMessage());
    assertTrue(!e.integrity(), "an unusable bundle, not a damaged one");
  }

  @Test
  void aFormatV1BundleIsRefusedWithARebuildHint() throws Exception {
    String v1 = "apiVersion: kubeferry.io/v1\nkind: Bundle\nkubernetesVersion: 1.23.1\nosProfiles: [el7]\n"
        + "arches: [amd64]\nimages: []\nrpms: []\nfiles: []\n";
    BundleManifest m = BundleManifestCodec.read(v1.getBytes(StandardCharsets.UTF_8), "old");
    BundleException e = assertThrows(BundleException.class, () -> source(m));
    assertTrue(e.getMessage().contains("rebuild it"), e.getMessage());
  }
}
