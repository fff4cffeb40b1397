package io.kubeferry.bundler.image;

import io.kubeferry.core.KubernetesVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCatalogTest {
  private final ImageCatalog catalog = ImageCatalog.load();

  private List<String> kubeadm(String v) throws ImageCatalogException {
    return catalog.images(KubernetesVersion.parse(v), ImageSetOptions.kubeadmOnly()).stream()
        .map(i -> i.ref().toString()).toList();
  }

  @Test
  void v1231IsWhatKubeadmLists() throws Exception {
    assertEquals(List.of("k8s.gcr.io/kube-apiserver:v1.23.1", "k8s.gcr.io/kube-controller-manager:v1.23.1",
        "k8s.gcr.io/kube-scheduler:v1.23.1", "k8s.gcr.io/kube-proxy:v1.23.1", "k8s.gcr.io/pause:3.6",
        "k8s.gcr.io/etcd:3.5.1-0", "k8s.gcr.io/coredns/coredns:v1.8.6"), kubeadm("1.23.1"));
  }

  @ParameterizedTest
  @CsvSource({
    "1.20.15, k8s.gcr.io/etcd:3.4.13-0, k8s.gcr.io/coredns:1.7.0, k8s.gcr.io/pause:3.2",
    "1.22.16, k8s.gcr.io/etcd:3.5.0-0, k8s.gcr.io/coredns/coredns:v1.8.4, k8s.gcr.io/pause:3.5",
    "1.22.17, registry.k8s.io/etcd:3.5.6-0, registry.k8s.io/coredns/coredns:v1.8.4, registry.k8s.io/pause:3.5",
    "1.23.13, k8s.gcr.io/etcd:3.5.1-0, k8s.gcr.io/coredns/coredns:v1.8.6, k8s.gcr.io/pause:3.6",
    "1.23.14, k8s.gcr.io/etcd:3.5.5-0, k8s.gcr.io/coredns/coredns:v1.8.6, k8s.gcr.io/pause:3.6",
    "1.23.15, registry.k8s.io/etcd:3.5.6-0, registry.k8s.io/coredns/coredns:v1.8.6, registry.k8s.io/pause:3.6",
    "1.24.8, k8s.gcr.io/etcd:3.5.5-0, k8s.gcr.io/coredns/coredns:v1.8.6, k8s.gcr.io/pause:3.7",
    "1.24.9, registry.k8s.io/etcd:3.5.6-0, registry.k8s.io/coredns/coredns:v1.8.6, registry.k8s.io/pause:3.7",
    "1.25.15, registry.k8s.io/etcd:3.5.9-0, registry.k8s.io/coredns/coredns:v1.9.3, registry.k8s.io/pause:3.8",
    "1.30.4, registry.k8s.io/etcd:3.5.12-0, registry.k8s.io/coredns/coredns:v1.11.1, registry.k8s.io/pause:3.9",
    "1.30.5, registry.k8s.io/etcd:3.5.15-0, registry.k8s.io/coredns/coredns:v1.11.3, registry.k8s.io/pause:3.9",
    "1.31.0, registry.k8s.io/etcd:3.5.15-0, registry.k8s.io/coredns/coredns:v1.11.1, registry.k8s.io/pause:3.10",
  })
  void patchLevelRules(String v, String etcd, String coredns, String pause) throws Exception {
    List<String> l = kubeadm(v);
    assertTrue(l.contains(etcd), l.toString());
    assertTrue(l.contains(coredns), l.toString());
    assertTrue(l.contains(pause), l.toString());
  }

  @Test
  void customRepositoryFlattensCoredns() throws Exception {
    assertEquals("registry.lab:5000/k8s/coredns",
        catalog.corednsRepository(KubernetesVersion.parse("1.23.1"), "registry.lab:5000/k8s"));
  }

  @Test
  void addOnsFollowTheCalicoLine() throws Exception {
    List<String> l = catalog.images(KubernetesVersion.parse("1.23.1"), ImageSetOptions.defaults()).stream()
        .map(i -> i.ref().toString()).toList();
    assertTrue(l.contains("docker.io/calico/node:v3.24.6"), l.toString());
    assertTrue(l.stream().noneMatch(s -> s.contains("flexvol")), "v3.24 dropped the flexvol driver: " + l);
    assertTrue(l.contains("docker.io/osixia/keepalived:2.0.20"), l.toString());
    assertTrue(l.contains("docker.io/library/registry:2"), l.toString());
    List<String> later = catalog.images(KubernetesVersion.parse("1.28.2"), ImageSetOptions.defaults()).stream()
        .map(i -> i.ref().toString()).toList();
    assertTrue(later.stream().noneMatch(s -> s.contains("flexvol")), later.toString());
  }

  @Test
  void calicoBefore122IsRefusedWithTheReasonAndFlannelIsTheDefaultThere() throws Exception {
    KubernetesVersion v = KubernetesVersion.parse("1.21.14");
    ImageCatalogException e = assertThrows(ImageCatalogException.class,
        () -> catalog.images(v, new ImageSetOptions("calico", "none", false)));
    assertTrue(e.getMessage().contains("not carried for Kubernetes 1.21") && e.getMessage().contains("--cni flannel"),
        e.getMessage());
    assertEquals("flannel", catalog.defaultCni(v));
    assertEquals("calico", catalog.defaultCni(KubernetesVersion.parse("1.22.0")));
    assertEquals("v3.24.6", catalog.components(KubernetesVersion.parse("1.23.1"), ImageSetOptions.defaults())
        .cniVersion());
  }

  @Test
  void weaveStopsAt123() throws Exception {
    assertEquals("2.8.1", catalog.cniVersion(KubernetesVersion.parse("1.23.17"), "weave"));
    ImageCatalogException e = assertThrows(ImageCatalogException.class,
        () -> catalog.cniVersion(KubernetesVersion.parse("1.24.0"), "weave"));
    assertTrue(e.getMessage().contains("unmaintained"), e.getMessage());
  }

  @Test
  void unknownVersionListsTheRange() {
    ImageCatalogException e = assertThrows(ImageCatalogException.class, () -> kubeadm("1.19.16"));
    assertEquals("unsupported Kubernetes version 1.19.16 (supported: 1.20.0 to 1.31.14)", e.getMessage());
    assertThrows(ImageCatalogException.class, () -> kubeadm("1.23.18"));
    assertThrows(ImageCatalogException.class, () ->
        catalog.images(KubernetesVersion.parse("1.23.1"), new ImageSetOptions("cilium", "none", false)));
  }

  @Test
  void versionParsing() {
    assertEquals("1.23.1", KubernetesVersion.parse("v1.23.1").toString());
    assertEquals("v1.23.1", KubernetesVersion.parse("1.23.1").tag());
    assertThrows(IllegalArgumentException.class, () -> KubernetesVersion.parse("1.23"));
  }
}
