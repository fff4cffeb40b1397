package io.kubeferry.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.TemplateEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateImagesTest {
  private static ClusterComponents components(String cni, String version, String lb) {
    return new ClusterComponents("registry.k8s.io", "3.9", "3.5.15-0", "v1.11.1", cni, version, lb);
  }

  @Test
  void calicoWithHaproxyAndKeepalived() throws Exception {
    List<TemplateEntry> entries = TemplateImages.scan(Manifests.DIR, KubernetesVersion.parse("1.28.15"),
        components("calico", "v3.27.4", "haproxy-keepalived"));
    assertEquals(List.of(
        new TemplateEntry("manifests/cni/calico/calico-v3.27.4.yaml", List.of("docker.io/calico/cni:v3.27.4",
            "docker.io/calico/kube-controllers:v3.27.4", "docker.io/calico/node:v3.27.4")),
        new TemplateEntry("manifests/ha/haproxy.yaml", List.of("docker.io/library/haproxy:2.8")),
        new TemplateEntry("manifests/ha/keepalived.yaml", List.of("docker.io/osixia/keepalived:2.0.20"))), entries);
  }

  @Test
  void weaveNeedsItsReleaseTagAndKubeVipItsTemplateImage() throws Exception {
    List<TemplateEntry> entries = TemplateImages.scan(Manifests.DIR, KubernetesVersion.parse("1.23.1"),
        components("weave", "2.8.1", "kube-vip"));
    assertEquals(List.of(
        new TemplateEntry("manifests/cni/weave/weave-daemonset-k8s-1.11-v2.8.1.yaml",
            List.of("docker.io/weaveworks/weave-kube:2.8.1", "docker.io/weaveworks/weave-npc:2.8.1")),
        new TemplateEntry("manifests/kube-vip/kube-vip.yaml.tmpl", List.of("ghcr.io/kube-vip/kube-vip:v0.6.4"))), entries);
  }

  @Test
  void noCniAndNoLoadBalancerNeedNoImages() throws Exception {
    assertEquals(List.of(), TemplateImages.scan(Manifests.DIR, KubernetesVersion.parse("1.31.14"),
        components("none", "", "none")));
  }

  @Test
  void aBundleWithoutCniCarriesNoOriginsTableAndNeedsNone(@TempDir Path dir) throws Exception {
    Path ha = Files.createDirectories(dir.resolve("ha"));
    Files.copy(Manifests.DIR.resolve("ha/haproxy.yaml"), ha.resolve("haproxy.yaml"));
    Files.copy(Manifests.DIR.resolve("ha/keepalived.yaml"), ha.resolve("keepalived.yaml"));
    assertEquals(List.of(new TemplateEntry("manifests/ha/haproxy.yaml", List.of("docker.io/library/haproxy:2.8")),
        new TemplateEntry("manifests/ha/keepalived.yaml", List.of("docker.io/osixia/keepalived:2.0.20"))),
        TemplateImages.scan(dir, KubernetesVersion.parse("1.23.1"), components("none", "", "haproxy-keepalived")));
  }

  @Test
  void calicoIsRefusedBefore122() {
    ManifestException e = assertThrows(ManifestException.class, () -> TemplateImages.scan(Manifests.DIR,
        KubernetesVersion.parse("1.21.14"), components("calico", "v3.20.6", "none")));
    assertEquals("could not select the calico manifest: no upstream manifest of calico v3.20.6 is shipped (shipped: "
        + "v3.24.6, v3.25.2, v3.26.4, v3.27.4, v3.28.2)", e.getMessage());
  }

  @Test
  void aMissingImageFailsWithTheWholeList() throws Exception {
    List<TemplateEntry> entries = TemplateImages.scan(Manifests.DIR, KubernetesVersion.parse("1.24.17"),
        components("flannel", "v0.24.4", "haproxy-keepalived"));
    TemplateImages.requireBundled(entries, List.of("flannel/flannel:v0.24.4", "docker.io/flannel/flannel-cni-plugin:"
        + "v1.4.0-flannel1", "haproxy:2.8", "osixia/keepalived:2.0.20"));
    ManifestException e = assertThrows(ManifestException.class,
        () -> TemplateImages.requireBundled(entries, List.of("haproxy:2.8")));
    assertEquals("could not match the manifests to the bundle: 3 images are not in it: "
        + "docker.io/flannel/flannel-cni-plugin:v1.4.0-flannel1 (manifests/cni/flannel/kube-flannel-v0.24.4.yml), "
        + "docker.io/flannel/flannel:v0.24.4 (manifests/cni/flannel/kube-flannel-v0.24.4.yml), "
        + "docker.io/osixia/keepalived:2.0.20 (manifests/ha/keepalived.yaml)", e.getMessage());
  }

  @Test
  void anUnknownLoadBalancer() {
    assertEquals("could not select the load balancer manifests: unknown load balancer 'nginx' (known: "
        + "haproxy-keepalived, kube-vip, none)", assertThrows(ManifestException.class,
            () -> ClusterManifests.loadBalancerPods("nginx")).getMessage());
  }
}
