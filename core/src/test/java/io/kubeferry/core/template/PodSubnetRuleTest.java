package io.kubeferry.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubeferry.core.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSubnetRuleTest {
  private static UpstreamManifest manifest(String cni, String version, String k8s) throws ManifestException {
    return UpstreamManifests.load(Manifests.DIR).forCni(cni, version, KubernetesVersion.parse(k8s));
  }

  @Test
  void flannelGetsTheSubnetInItsNetConfLineOnly() throws Exception {
    for (String version : List.of("v0.17.0", "v0.24.4")) {
      UpstreamManifest m = manifest("flannel", version, "1.23.17");
      String before = Manifests.read("cni/" + m.file().path());
      String after = m.podSubnet().apply(m.file().path(), before, "172.16.0.0/16");
      assertEquals(List.of("      \"Network\": \"172.16.0.0/16\","), Manifests.changedLines(before, after), version);
    }
  }

  @Test
  void flannelRefusesAFileWithoutTheLineOrWithItTwice() {
    PodSubnetRule rule = new PodSubnetRule.ReplaceInLine("  \"Network\": \"10.244.0.0/16\",", "10.244.0.0/16");
    assertEquals("could not set the pod subnet in f.yml: the line '  \"Network\": \"10.244.0.0/16\",' must occur "
        + "exactly once, found none", assertThrows(ManifestException.class,
            () -> rule.apply("f.yml", "a\n\"Network\": \"10.244.0.0/16\",\n", "10.1.0.0/16")).getMessage());
    String twice = "a\n  \"Network\": \"10.244.0.0/16\",\n  \"Network\": \"10.244.0.0/16\",\n";
    assertThrows(ManifestException.class, () -> rule.apply("f.yml", twice, "10.1.0.0/16"));
  }

  @Test
  void calicoReadsTheSubnetFromKubeadmAndTheFileStaysAsItIs() throws Exception {
    UpstreamManifest m = manifest("calico", "v3.24.6", "1.24.17");
    String text = Manifests.read("cni/" + m.file().path());
    assertSame(text, m.podSubnet().apply("calico.yaml", text, "10.1.0.0/16"));
  }

  @Test
  void weaveNeedsItsOwnRange() throws Exception {
    UpstreamManifest m = manifest("weave", "2.8.1", "1.23.17");
    assertEquals("could not use pod subnet 10.244.0.0/16 with w.yaml: this CNI allocates pod addresses from "
        + "10.32.0.0/12 (set cluster.podSubnet: 10.32.0.0/12 in the inventory)", assertThrows(ManifestException.class,
            () -> m.podSubnet().apply("w.yaml", "x", "10.244.0.0/16")).getMessage());
    assertEquals("x", m.podSubnet().apply("w.yaml", "x", "10.32.0.0/12"));
  }

  @Test
  void aSubnetMustLookLikeOne() {
    assertEquals("could not set the pod subnet in c.yaml: '10.0.0.0/16\\n' is not a subnet such as 10.244.0.0/16",
        assertThrows(ManifestException.class, () -> new PodSubnetRule.FromKubeadmConfig().apply("c.yaml", "",
            "10.0.0.0/16\\n")).getMessage());
  }
}
