package io.kubeferry.bundler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.TemplateEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The repository's manifests/ as bundle build selects and checks them. */
class TemplateImagesTest {
  private static final Path TEMPLATES = Path.of("..", "manifests");
  private static final KubernetesVersion V = KubernetesVersion.parse("1.23.17");

  private static Map<String, List<String>> images(ClusterComponents c) throws IOException {
    return TemplateImages.entries(TEMPLATES, TemplateSelection.select(TEMPLATES, c), V, c).stream()
        .collect(Collectors.toMap(TemplateEntry::path, TemplateEntry::images));
  }

  private static ClusterComponents cluster(String cni, String version, String lb) {
    return new ClusterComponents("registry.k8s.io", "3.6", "3.5.6-0", "v1.8.6", cni, version, lb);
  }

  @Test
  void weaveWithKubeVipCarriesTheOriginsTableAndNamesTheBundledTags() throws Exception {
    Map<String, List<String>> images = images(cluster("weave", "2.8.1", "kube-vip"));
    assertEquals(List.of("docker.io/weaveworks/weave-kube:2.8.1", "docker.io/weaveworks/weave-npc:2.8.1"),
        images.get("manifests/cni/weave/weave-daemonset-k8s-1.11-v2.8.1.yaml"));
    assertEquals(List.of("ghcr.io/kube-vip/kube-vip:v0.6.4"), images.get("manifests/kube-vip/kube-vip.yaml.tmpl"));
    assertEquals(List.of(), images.get("manifests/cni/origins.yaml"));
    assertEquals(List.of(), images.get("manifests/kubeadm/v1beta3.yaml.tmpl"));
    assertTrue(images.keySet().stream().noneMatch(p -> p.startsWith("manifests/ha/")), images.keySet().toString());
  }

  @Test
  void calicoWithHaproxyAndAMissingImage() throws Exception {
    List<TemplateEntry> entries = TemplateImages.entries(TEMPLATES, TemplateSelection.select(TEMPLATES,
        cluster("calico", "v3.24.6", "haproxy-keepalived")), V, cluster("calico", "v3.24.6", "haproxy-keepalived"));
    IOException e = assertThrows(IOException.class, () -> TemplateImages.requireAll(entries, Set.of(
        "docker.io/calico/cni:v3.24.6", "docker.io/calico/node:v3.24.6", "docker.io/calico/kube-controllers:v3.24.6",
        "docker.io/library/haproxy:2.8")));
    assertEquals("could not build: the bundle lacks 1 image(s) its manifests name: docker.io/osixia/keepalived:2.0.20"
        + " (in manifests/ha/keepalived.yaml)", e.getMessage());
  }

  @Test
  void noCniCarriesNoCniFile() throws Exception {
    assertTrue(images(cluster("none", "", "none")).keySet().stream().noneMatch(p -> p.startsWith("manifests/cni/")));
  }
}
