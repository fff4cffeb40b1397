package io.kubeferry.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.ImageRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorRuleTest {
  private final RegistryClient client = new RegistryClient(RegistryClientOptions.defaults());

  @Test
  void prefixAndFlatten() {
    MirrorRule cn = new MirrorRule("registry.k8s.io", "registry.aliyuncs.com", "google_containers", true);
    assertEquals("google_containers/coredns", cn.repositoryFor("coredns/coredns"));
    MirrorRule lab = MirrorRule.parse("docker.io=127.0.0.1:5000/docker.io");
    assertEquals("docker.io/calico/node", lab.repositoryFor("calico/node"));
    assertThrows(IllegalArgumentException.class, () -> MirrorRule.parse("no-equals"));
  }

  @Test
  void candidatesInOrderWithOrWithoutUpstream() {
    ImageRef ref = ImageRef.parse("calico/node:v3.23.5");
    List<MirrorRule> rules = List.of(MirrorRule.parse("docker.io=m1.example"), MirrorRule.parse("docker.io=m2.example"),
        MirrorRule.parse("quay.io=q.example"));
    assertEquals(List.of("m1.example/calico/node", "m2.example/calico/node", "docker.io/calico/node"),
        new Sources(rules, false).candidates(ref, client).stream().map(Remote::toString).toList());
    assertEquals(2, new Sources(rules, true).candidates(ref, client).size());
    assertEquals(0, new Sources(rules, true).candidates(ImageRef.parse("ghcr.io/x/y:1"), client).size());
    assertEquals("https://registry-1.docker.io/v2/",
        Sources.upstream().candidates(ref, client).get(0).apiBase());
    assertEquals("http://127.0.0.1:5000/v2/", client.remote("127.0.0.1:5000", "x").apiBase());
  }
}
