package io.kubeferry.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** manifests/cni/origins.yaml against the copies it describes. */
class UpstreamManifestsTest {
  private static final Path CNI = Manifests.DIR.resolve(UpstreamManifests.DIR);

  @Test
  void everyCopyHasTheSha256OfTheTable() throws Exception {
    UpstreamManifests table = UpstreamManifests.load(Manifests.DIR);
    for (UpstreamFile f : table.files()) {
      byte[] bytes = Files.readAllBytes(CNI.resolve(f.path()));
      assertEquals(f.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          f.path() + " is not the upstream file of the table");
    }
    assertEquals(13, table.files().size());
  }

  @Test
  void everyFileOfTheDirectoryIsInTheTableAndEveryLicenceIsShipped() throws Exception {
    UpstreamManifests table = UpstreamManifests.load(Manifests.DIR);
    Set<String> listed = table.files().stream().map(UpstreamFile::path).collect(Collectors.toCollection(TreeSet::new));
    Set<String> present;
    try (Stream<Path> s = Files.walk(CNI)) {
      present = s.filter(Files::isRegularFile).map(p -> CNI.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(UpstreamManifests.ORIGINS)).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, listed);
    for (UpstreamManifest m : table.manifests()) {
      assertTrue(listed.contains(m.licence()), m.file().path() + " names licence " + m.licence());
    }
  }

  @Test
  void theCalicoPinsOfTheDecision() throws Exception {
    UpstreamManifests table = UpstreamManifests.load(Manifests.DIR);
    List<String> pairs = List.of("1.22.17=v3.24.6", "1.25.16=v3.24.6", "1.26.15=v3.25.2", "1.27.16=v3.26.4",
        "1.28.15=v3.27.4", "1.29.15=v3.28.2", "1.31.14=v3.28.2");
    for (String pair : pairs) {
      String[] p = pair.split("=");
      assertEquals(p[1], table.forCni("calico", p[1], KubernetesVersion.parse(p[0])).version());
    }
  }

  @Test
  void refusesAReleaseNotShippedOrAMinorOutsideItsRange() throws Exception {
    UpstreamManifests table = UpstreamManifests.load(Manifests.DIR);
    assertEquals("could not select the calico manifest: no upstream manifest of calico v3.20.6 is shipped (shipped: "
        + "v3.24.6, v3.25.2, v3.26.4, v3.27.4, v3.28.2)", assertThrows(ManifestException.class,
            () -> table.forCni("calico", "v3.20.6", KubernetesVersion.parse("1.21.14"))).getMessage());
    assertEquals("could not select the flannel manifest: flannel v0.17.0 is applied to Kubernetes 1.20 to 1.24, "
        + "not 1.25", assertThrows(ManifestException.class,
            () -> table.forCni("flannel", "v0.17.0", KubernetesVersion.parse("1.25.0"))).getMessage());
  }

  @Test
  void weaveLatestTagsStandForTheBundledRelease() throws Exception {
    UpstreamManifest weave = UpstreamManifests.load(Manifests.DIR).forCni("weave", "2.8.1",
        KubernetesVersion.parse("1.23.17"));
    assertEquals("docker.io/weaveworks/weave-kube:2.8.1",
        weave.bundled(ImageRef.parse("weaveworks/weave-kube:latest")).toString());
    assertEquals("docker.io/weaveworks/weave-npc:2.9", weave.bundled(ImageRef.parse("weaveworks/weave-npc:2.9"))
        .toString());
  }

  @Test
  void malformedTablesNameTheProblem() throws Exception {
    assertEquals("could not read x: not a UpstreamManifests document",
        assertThrows(ManifestException.class, () -> UpstreamManifests.parse("kind: Other\n", "x")).getMessage());
    String entry = "kind: UpstreamManifests\nfiles: []\nmanifests:\n- {path: a.yaml, cni: c, version: v1, "
        + "kubernetes: {from: '1.20', to: '1.21'}, repository: r, commit: " + "a".repeat(40) + ", upstreamPath: u, "
        + "sha256: " + "b".repeat(64) + ", licence: L, podSubnet: %s}\n";
    assertEquals("could not read x: podSubnet {guess=yes} is none of {from: kubeadm-config}, {line, cidr}, {fixed}",
        assertThrows(ManifestException.class, () -> UpstreamManifests.parse(entry.formatted("{guess: yes}"), "x"))
            .getMessage());
    assertEquals(1, assertDoesNotThrow(entry.formatted("{fixed: 10.32.0.0/12}")).manifests().size());
    assertEquals("could not read x: upstream file a.yaml: commit must be 40 hex digits", assertThrows(
        ManifestException.class, () -> UpstreamManifests.parse(entry.formatted("{fixed: 10.0.0.0/8}")
            .replace("a".repeat(40), "main"), "x")).getMessage());
  }

  private static UpstreamManifests assertDoesNotThrow(String yaml) throws ManifestException {
    return UpstreamManifests.parse(yaml, "x");
  }
}
