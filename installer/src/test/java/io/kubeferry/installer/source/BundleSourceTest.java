package io.kubeferry.installer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.FileEntry;
import io.kubeferry.core.bundle.RpmEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which package of several in the bundle gets pinned: the newest by rpm's rules, never by string order. */
class BundleSourceTest {
  private static final Digest D = Digest.sha256Of("x".getBytes(StandardCharsets.UTF_8));

  @Test
  void pinsTheNewestByRpmVersionOrderNotByStringOrder(@TempDir Path root) throws Exception {
    // As strings "1.23.9-0" > "1.23.10-0"; rpm says 1.23.10 is newer. Same for the release 10 vs 9.
    InstallSource s = source(root, "1.23.1", "kubeadm-1.23.1-0.x86_64",
        "cri-tools-1.23.9-0.x86_64", "cri-tools-1.23.10-0.x86_64", "cri-tools-1.23.2-0.x86_64",
        "socat-1.7.3.2-9.el7.x86_64", "socat-1.7.3.2-10.el7.x86_64");
    assertEquals(List.of("kubeadm-1.23.1-0", "cri-tools-1.23.10-0", "socat-1.7.3.2-10.el7"), s.packages());
  }

  @Test
  void epochWinsOverVersion(@TempDir Path root) throws Exception {
    // As strings "24.0.0-1.el7" > "1:20.10.12-3.el7"; rpm compares the epoch first.
    InstallSource s = source(root, "1.23.1", "kubeadm-1.23.1-0.x86_64",
        "docker-ce-1:20.10.12-3.el7.x86_64", "docker-ce-24.0.0-1.el7.x86_64");
    assertEquals(List.of("kubeadm-1.23.1-0", "docker-ce-20.10.12-3.el7"), s.packages());
  }

  @Test
  void kubeadmStaysAtTheBundleVersionEvenWhenANewerOneIsPresent(@TempDir Path root) throws Exception {
    InstallSource s = source(root, "1.23.9", "kubeadm-1.23.9-0.x86_64", "kubeadm-1.23.10-0.x86_64");
    assertEquals(List.of("kubeadm-1.23.9-0"), s.packages());
  }

  private static InstallSource source(Path root, String k8s, String... nevras) throws Exception {
    Files.createDirectories(root.resolve("repo/repodata"));
    Files.writeString(root.resolve("repo/repodata/repomd.xml.asc"), "signature");
    List<RpmEntry> rpms = new ArrayList<>();
    List<FileEntry> files = new ArrayList<>();
    for (String n : nevras) {
      String path = BundleLayout.REPO + "Packages/" + n + ".rpm";
      rpms.add(new RpmEntry(Nevra.parse(n), path, D, 1));
      files.add(new FileEntry(path, D, 1, false));
    }
    BundleManifest m = new BundleManifest(BundleLayout.API_VERSION, BundleLayout.KIND, k8s, List.of("el7"),
        List.of("amd64"), null, List.of(), rpms, files);
    return BundleSource.toSource(m, root, root.resolve("key.asc"));
  }
}
