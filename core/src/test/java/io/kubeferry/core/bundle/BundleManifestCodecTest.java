package io.kubeferry.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleManifestCodecTest {
  private static final Digest D = Digest.sha256Of(new byte[] {1});

  private static final ClusterComponents CLUSTER =
      new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "calico", "v3.24.6", "haproxy-keepalived");

  static BundleManifest sample() {
    Nevra docker = Nevra.parse("docker-ce-3:20.10.12-3.el7.x86_64");
    return new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.23.1", "el7", "amd64",
        "94E60201F7E99AF85EBFAFA1B509C46E3B56F42D", CLUSTER, Map.of(PackageRole.RUNTIME_DOCKER, List.of(docker)),
        List.of(new SourceEntry("docker-ce", "https://download.docker.com/linux/centos/7/x86_64/stable/",
            List.of("060A61C51B558A7F742B77AAC52FEB6B621E9F35"))),
        List.of(new ImageEntry("k8s.gcr.io/pause:3.6", D, List.of(new ImageEntry.Platform("linux/amd64", D)),
            1234, ImageRole.PAUSE, List.of("pause:3.6"))),
        List.of(new RpmEntry(docker, "repo/Packages/d.rpm", D, 9)),
        List.of(new TemplateEntry("manifests/cni/calico.yaml", List.of("docker.io/calico/node:v3.24.6")),
            new TemplateEntry("manifests/kubeadm/a.yaml", List.of()), new TemplateEntry("manifests/kubeadm/b.yaml",
                List.of())),
        List.of(new FileEntry("repo/Packages/d.rpm", D, 9, false), new FileEntry("installer/kubeferry", D, 5, true),
            new FileEntry("manifests/cni/calico.yaml", D, 3, false), new FileEntry(BundleLayout.imageBlob(D), D, 1,
                false), new FileEntry("manifests/kubeadm/a.yaml", D, 1, false),
            new FileEntry("manifests/kubeadm/b.yaml", D, 1, false)));
  }

  @Test
  void roundTripIsExactAndStable() throws Exception {
    byte[] yaml = BundleManifestCodec.write(sample());
    BundleManifest back = BundleManifestCodec.read(yaml, "bundle.yaml");
    assertEquals(sample(), back);
    assertArrayEquals(yaml, BundleManifestCodec.write(back));
    String text = new String(yaml, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("apiVersion: kubeferry.io/v2\nkind: Bundle\nkubernetesVersion: 1.23.1\nos: el7\n"
        + "arch: amd64\n"), text);
    assertTrue(text.contains("  role: pause\n  names:\n  - pause:3.6\n"), text);
    assertTrue(!text.contains("&id") && !text.contains("*id"), "no YAML anchors (readers refuse aliases): " + text);
    String files = text.substring(text.indexOf("\nfiles:\n"));
    assertTrue(files.indexOf("installer/kubeferry") < files.indexOf("manifests/"), "files sorted: " + text);
  }

  @Test
  void numericLookingVersionsStayStrings() throws Exception {
    BundleManifest m = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.24.0", "el9", "amd64", null,
        new ClusterComponents("registry.k8s.io", "3.7", "3.5.3-0", "1.10", "none", "", "none"), Map.of(), List.of(),
        List.of(), List.of(), List.of(), List.of());
    assertEquals(m, BundleManifestCodec.read(BundleManifestCodec.write(m), "m"));
  }

  @Test
  void aFormatV1ManifestIsReadableButMarkedLegacy() throws Exception {
    String v1 = "apiVersion: kubeferry.io/v1\nkind: Bundle\nkubernetesVersion: 1.23.1\nosProfiles: [el7]\n"
        + "arches: [amd64]\nimages:\n- ref: registry.k8s.io/pause:3.6\n  digest: " + D + "\n  size: 1\n"
        + "  platforms: []\nrpms: []\nfiles:\n- path: " + BundleLayout.imageBlob(D) + "\n  sha256: " + D
        + "\n  size: 1\n";
    BundleManifest m = BundleManifestCodec.read(v1.getBytes(StandardCharsets.UTF_8), "old.yaml");
    assertTrue(m.legacy());
    assertEquals("el7", m.os());
    assertEquals(null, m.images().get(0).role());
  }

  @Test
  void aV2ImageWithoutRoleOrAPackageOutsideTheRpmsIsRejected() {
    String noRole = new String(BundleManifestCodec.write(sample()), StandardCharsets.UTF_8)
        .replace("  role: pause\n", "");
    assertThrows(BundleFormatException.class,
        () -> BundleManifestCodec.read(noRole.getBytes(StandardCharsets.UTF_8), "b.yaml"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BundleManifest(
        BundleLayout.API_VERSION, BundleLayout.KIND, "1.23.1", "el7", "amd64", null, CLUSTER,
        Map.of(PackageRole.KUBERNETES, List.of(Nevra.parse("kubeadm-1.23.1-0.x86_64"))), List.of(), List.of(),
        List.of(), List.of(), List.of()));
    assertTrue(e.getMessage().contains("kubeadm-1.23.1-0.x86_64"), e.getMessage());
  }

  @Test
  void unknownApiVersionIsRejectedWithAnUpgradeHint() {
    String yaml = new String(BundleManifestCodec.write(sample()), StandardCharsets.UTF_8)
        .replace("kubeferry.io/v2", "kubeferry.io/v9");
    BundleFormatException e = assertThrows(BundleFormatException.class,
        () -> BundleManifestCodec.read(yaml.getBytes(StandardCharsets.UTF_8), "x/bundle.yaml"));
    assertTrue(e.getMessage().contains("'kubeferry.io/v9' is not supported")
        && e.getMessage().contains("at least as new"), e.getMessage());
    assertTrue(e.getMessage().contains("x/bundle.yaml"), e.getMessage());
  }

  @Test
  void unsafeOrDuplicatePathsAndBadFieldsAreRejected() {
    for (String bad : List.of("../etc/passwd", "/abs", "a//b", "a/./b")) {
      assertThrows(IllegalArgumentException.class, () -> new FileEntry(bad, D, 1, false), bad);
    }
    String yaml = new String(BundleManifestCodec.write(sample()), StandardCharsets.UTF_8)
        .replace("size: 9", "size: nine");
    BundleFormatException e = assertThrows(BundleFormatException.class,
        () -> BundleManifestCodec.read(yaml.getBytes(StandardCharsets.UTF_8), "b.yaml"));
    assertTrue(e.getMessage().contains("size must be a number"), e.getMessage());
    String dup = new String(BundleManifestCodec.write(sample()), StandardCharsets.UTF_8)
        .replace("kind: Bundle\n", "kind: Bundle\nkind: Bundle\n");
    assertThrows(BundleFormatException.class,
        () -> BundleManifestCodec.read(dup.getBytes(StandardCharsets.UTF_8), "b.yaml"));
  }
  @Test
  void addOnsBaseAndFilesFromTheBaseRoundTrip() throws Exception {
    BundleManifest s = sample();
    List<FileEntry> files = new java.util.ArrayList<>(s.files());
    files.add(new FileEntry("addons/10-web.yaml", D, 7, false));
    files.add(new FileEntry("images/blobs/sha256/" + "ab".repeat(32), D, 3, false, true));
    BundleManifest delta = new BundleManifest(s.apiVersion(), s.kind(), s.kubernetesVersion(), s.os(), s.arch(),
        s.signer(), s.cluster(), s.packages(), s.sources(), s.images(), s.rpms(), s.templates(),
        List.of(new TemplateEntry("addons/10-web.yaml", List.of("docker.io/library/nginx:1.25.3"))),
        new BaseBundle(D, "kubeferry-1.23.1-el7-amd64.tgz"), files);
    byte[] yaml = BundleManifestCodec.write(delta);
    String text = new String(yaml, StandardCharsets.UTF_8);
    assertTrue(text.contains("addons:\n- path: addons/10-web.yaml\n  images:\n  - docker.io/library/nginx:1.25.3\n"
        + "base:\n  manifest: " + D + "\n  name: kubeferry-1.23.1-el7-amd64.tgz\nfiles:\n"), text);
    assertTrue(text.contains("  size: 3\n  fromBase: true\n"), text);
    BundleManifest back = BundleManifestCodec.read(yaml, "delta.yaml");
    assertEquals(delta, back);
    assertTrue(back.delta());
    assertEquals(1, back.filesFromBase().size());
    String whole = new String(BundleManifestCodec.write(sample()), StandardCharsets.UTF_8);
    assertTrue(!whole.contains("addons:") && !whole.contains("base:") && !whole.contains("fromBase"),
        "a bundle without add-ons or base keeps its bytes: " + whole);
  }

  @Test
  void aFileFromABaseNeedsABaseAndAnAddOnItsFile() {
    BundleManifest s = sample();
    List<FileEntry> files = new java.util.ArrayList<>(s.files());
    files.add(new FileEntry("images/blobs/sha256/" + "ab".repeat(32), D, 3, false, true));
    IllegalArgumentException noBase = assertThrows(IllegalArgumentException.class, () -> new BundleManifest(
        s.apiVersion(), s.kind(), s.kubernetesVersion(), s.os(), s.arch(), s.signer(), s.cluster(), s.packages(),
        s.sources(), s.images(), s.rpms(), s.templates(), files));
    assertTrue(noBase.getMessage().contains("the manifest names no base"), noBase.getMessage());
    IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class, () -> new BundleManifest(
        s.apiVersion(), s.kind(), s.kubernetesVersion(), s.os(), s.arch(), s.signer(), s.cluster(), s.packages(),
        s.sources(), s.images(), s.rpms(), s.templates(), List.of(new TemplateEntry("addons/x.yaml", List.of())),
        null, s.files()));
    assertTrue(noFile.getMessage().contains("add-on addons/x.yaml is not in the file list"), noFile.getMessage());
  }
}
