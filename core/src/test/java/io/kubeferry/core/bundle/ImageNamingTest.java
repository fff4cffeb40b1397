package io.kubeferry.core.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageNamingTest {
  private static List<String> names(String ref, ImageRole role, String version) {
    return ImageNaming.names(ImageRef.parse(ref), role, KubernetesVersion.parse(version));
  }

  @Test
  void kubeadmImagesSitDirectlyUnderTheLocationAsImageRepositoryExpects() {
    assertEquals(List.of("kube-apiserver:v1.23.1"),
        names("k8s.gcr.io/kube-apiserver:v1.23.1", ImageRole.CONTROL_PLANE, "1.23.1"));
    assertEquals(List.of("pause:3.6"), names("k8s.gcr.io/pause:3.6", ImageRole.PAUSE, "1.23.1"));
    assertEquals(List.of("etcd:3.5.1-0"), names("k8s.gcr.io/etcd:3.5.1-0", ImageRole.ETCD, "1.23.1"));
  }

  @Test
  void corednsIsFlatForKubeadmAndAlsoKeepsItsUpstreamPathForMirrors() {
    assertEquals(List.of("coredns:v1.8.6", "coredns/coredns:v1.8.6"),
        names("k8s.gcr.io/coredns/coredns:v1.8.6", ImageRole.COREDNS, "1.23.1"));
    assertEquals(List.of("coredns:1.7.0"), names("k8s.gcr.io/coredns:1.7.0", ImageRole.COREDNS, "1.20.15"));
  }

  @Test
  void kubeadm1210And1211AskedForTheNestedCorednsPathWithACustomRepository() {
    assertEquals(List.of("coredns/coredns:v1.8.0"),
        names("k8s.gcr.io/coredns/coredns:v1.8.0", ImageRole.COREDNS, "1.21.1"));
    assertEquals(List.of("coredns:v1.8.0", "coredns/coredns:v1.8.0"),
        names("k8s.gcr.io/coredns/coredns:v1.8.0", ImageRole.COREDNS, "1.21.2"));
  }

  @Test
  void otherImagesKeepTheirUpstreamPath() {
    assertEquals(List.of("calico/node:v3.24.6"), names("docker.io/calico/node:v3.24.6", ImageRole.CNI, "1.23.1"));
    assertEquals(List.of("library/registry:2"), names("registry:2", ImageRole.REGISTRY, "1.23.1"));
    assertEquals(List.of("kube-vip/kube-vip:v0.6.4"),
        names("ghcr.io/kube-vip/kube-vip:v0.6.4", ImageRole.LOAD_BALANCER, "1.23.1"));
  }

  @Test
  void namesAreMadeAbsoluteAtALocation() {
    assertEquals("10.0.0.5:5000/pause:3.6", ImageNaming.at("10.0.0.5:5000", "pause:3.6"));
    assertEquals("harbor.example/k8s/pause:3.6", ImageNaming.at("harbor.example/k8s/", "pause:3.6"));
  }

  @Test
  void aKubeadmImageWithoutTagHasNoNameAnAddOnKeepsItsDigest() {
    io.kubeferry.core.Digest d = io.kubeferry.core.Digest.sha256Of(new byte[0]);
    ImageRef pinned = new ImageRef("k8s.gcr.io", "pause", null, d);
    assertThrows(IllegalArgumentException.class,
        () -> ImageNaming.names(pinned, ImageRole.PAUSE, KubernetesVersion.parse("1.23.1")));
    assertEquals(List.of("library/nginx@" + d), names("nginx@" + d, ImageRole.ADDON, "1.23.1"));
  }
}
