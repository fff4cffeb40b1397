package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.bundle.TemplateEntry;
import io.kubeferry.core.oci.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Manifest contents for test bundles, made the way a build would know them: images from the OCI layout's index
 * (core's one layout reader), RPMs by hashing the fixture repository's files and asking rpm for their NEVRA.
 */
final class TestBundles {
  static final ClusterComponents CLUSTER =
      new ClusterComponents("k8s.gcr.io", "3.6", "3.5.1-0", "v1.8.6", "none", "", "none");

  private TestBundles() {}

  /** {@code c} with one add-on manifest naming {@code image}. */
  static BundleContents withAddon(BundleContents c, String path, String image) {
    return new BundleContents(c.kubernetesVersion(), c.os(), c.arch(), c.cluster(), c.packages(), c.sources(),
        c.images(), c.rpms(), c.templates(), List.of(new TemplateEntry(path, List.of(image))));
  }

  static BundleContents contents(Path layout, Path repo) throws Exception {
    List<ImageEntry> images = new ArrayList<>();
    if (layout != null) {
      OciLayout l = OciLayout.open(layout);
      for (var e : l.images().entrySet()) {
        ImageRef ref = ImageRef.parse(e.getKey());
        images.add(new ImageEntry(ref.toString(), e.getValue().digest(), List.of(new ImageEntry.Platform("linux/amd64",
            e.getValue().digest())), e.getValue().size(),
            ImageRole.ADDON, ImageNaming.names(ref, ImageRole.ADDON, KubernetesVersion.parse("1.23.1"))));
      }
    }
    List<RpmEntry> rpms = new ArrayList<>();
    List<Nevra> installed = new ArrayList<>();
    if (repo != null) {
      try (Stream<Path> s = Files.walk(repo)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".rpm")).sorted().toList()) {
          Nevra n = Nevra.parse(Fixtures.run(repo, "rpm", "-qp", "--nosignature", "--qf",
              "%{NAME}-%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}.%{ARCH}", f.toString()).strip());
          rpms.add(new RpmEntry(n, BundleLayout.REPO + repo.relativize(f), Digest.sha256Of(Files.readAllBytes(f)),
              Files.size(f)));
          installed.add(n);
        }
      }
    }
    return new BundleContents("1.23.1", "el7", "amd64", CLUSTER, Map.of(PackageRole.KUBERNETES, installed),
        List.of(), images, rpms, List.of());
  }
}
