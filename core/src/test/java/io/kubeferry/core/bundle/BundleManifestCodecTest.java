package io.kubeferry.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleManifestCodecTest {
  private static final Digest D = Digest.sha256Of(new byte[] {1});

  static BundleManifest sample() {
    return new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.23.1", List.of("el7"),
        List.of("amd64"), "94E60201F7E99AF85EBFAFA1B509C46E3B56F42D",
        List.of(new ImageEntry("registry.k8s.io/pause:3.6", D, List.of(new ImageEntry.Platform("linux/amd64", D)),
            1234)),
        List.of(new RpmEntry(Nevra.parse("docker-ce-3:20.10.12-3.el7.x86_64"), "repo/Packages/d.rpm", D, 9)),
        List.of(new FileEntry("repo/Packages/d.rpm", D, 9, false), new FileEntry("installer/kubeferry", D, 5, true),
            new FileEntry("manifests/kubeadm/v1beta3.yaml", D, 3, false)));
  }

  @Test
  void roundTripIsExactAndStable() throws Exception {
    byte[] yaml = BundleManifestCodec.write(sample());
    BundleManifest back = BundleManifestCodec.read(yaml, "bundle.yaml");
    assertEquals(sample(), back);
    assertArrayEquals(yaml, BundleManifestCodec.write(back));
    String text = new String(yaml, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("apiVersion: kubeferry.io/v1\nkind: Bundle\nkubernetesVersion: 1.23.1\n"), text);
    assertTrue(text.indexOf("installer/kubeferry") < text.indexOf("manifests/"), "files sorted: " + text);
  }

  @Test
  void numericLookingVersionsStayStrings() throws Exception {
    BundleManifest m = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, "1.24.0", List.of("7"),
        List.of("amd64"), null, List.of(), List.of(), List.of());
    assertEquals(m, BundleManifestCodec.read(BundleManifestCodec.write(m), "m"));
  }

  @Test
  void unknownApiVersionIsRejectedWithAnUpgradeHint() {
    String yaml = new String(BundleManifestCodec.write(sample()), StandardCharsets.UTF_8)
        .replace("kubeferry.io/v1", "kubeferry.io/v2");
    BundleFormatException e = assertThrows(BundleFormatException.class,
        () -> BundleManifestCodec.read(yaml.getBytes(StandardCharsets.UTF_8), "x/bundle.yaml"));
    assertTrue(e.getMessage().contains("'kubeferry.io/v2' is not supported")
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
}
