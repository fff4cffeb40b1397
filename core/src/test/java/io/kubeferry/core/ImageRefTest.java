package io.kubeferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ImageRefTest {
  @ParameterizedTest
  @CsvSource({
    "calico/node:v3.22.1, docker.io/calico/node:v3.22.1",
    "registry:2, docker.io/library/registry:2",
    "nginx, docker.io/library/nginx:latest",
    "index.docker.io/library/nginx:1.25, docker.io/library/nginx:1.25",
    "registry.k8s.io/kube-apiserver:v1.23.1, registry.k8s.io/kube-apiserver:v1.23.1",
    "k8s.gcr.io/coredns/coredns:v1.8.6, k8s.gcr.io/coredns/coredns:v1.8.6",
    "localhost:5000/a/b, localhost:5000/a/b:latest",
    "127.0.0.1:40000/pause:3.6, 127.0.0.1:40000/pause:3.6",
    "registry.aliyuncs.com/google_containers/pause:3.6, registry.aliyuncs.com/google_containers/pause:3.6",
  })
  void normalisesAndRoundTrips(String in, String canonical) {
    ImageRef r = ImageRef.parse(in);
    assertEquals(canonical, r.toString());
    assertEquals(r, ImageRef.parse(r.toString()));
  }

  @Test
  void digestReference() {
    String d = "sha256:" + "a".repeat(64);
    ImageRef r = ImageRef.parse("registry.k8s.io/pause:3.6@" + d);
    assertEquals("3.6", r.tag());
    assertEquals(d, r.reference());
    ImageRef byDigest = ImageRef.parse("quay.io/x/y@" + d);
    assertNull(byDigest.tag());
    assertEquals("quay.io/x/y@" + d, byDigest.toString());
    assertEquals(byDigest, ImageRef.parse(byDigest.toString()));
  }

  @Test
  void portIsNotATag() {
    ImageRef r = ImageRef.parse("myhost:5000/repo");
    assertEquals("myhost:5000", r.registry());
    assertEquals("latest", r.tag());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "UPPER/case", "docker.io/a//b", "repo:bad tag", "repo@sha256:xyz", "a/b:-x"})
  void rejectsWithClearMessage(String bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageRef.parse(bad));
    assertTrue(e.getMessage().startsWith("invalid image reference '" + bad + "'"), e.getMessage());
  }
}
