package io.kubeferry.bundler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.oci.PulledImage;
import io.kubeferry.core.oci.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test against a plain docker-registry, before the lab registry is available. */
class PlainRegistryPullIT {
  @Test
  void pullsIndexesByteExact(@TempDir Path tmp) throws Exception {
    try (PlainRegistry reg = PlainRegistry.start()) {
      FixtureImages fx = new FixtureImages(reg.endpoint(), 1);
      List<FixtureImages.Pushed> pushed = new ArrayList<>();
      pushed.add(fx.push("k8s.gcr.io/pause", "3.6", false, List.of("amd64", "arm64"), 1000));
      pushed.add(fx.push("docker.io/calico/node", "v3.23.5", true, List.of("amd64", "arm64"), 300_000));
      List<ImageRef> refs = List.of(ImageRef.parse("k8s.gcr.io/pause:3.6"), ImageRef.parse("calico/node:v3.23.5"));
      Sources sources = new Sources(List.of(new MirrorRule("k8s.gcr.io", reg.endpoint(), "k8s.gcr.io", false),
          new MirrorRule("docker.io", reg.endpoint(), "docker.io", false)), true);
      PullResult r = new ImagePuller().pull(PullOptions.of(refs, tmp.resolve("layout")).withSources(sources)
          .withPlatforms(Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)).withCache(tmp.resolve("cache")));
      for (int i = 0; i < 2; i++) {
        PulledImage img = r.images().get(i);
        assertEquals(pushed.get(i).digest(), img.digest());
        assertEquals(2, img.platforms().size());
      }
      OciLayout layout = OciLayout.open(tmp.resolve("layout"));
      assertTrue(layout.find("docker.io/calico/node:v3.23.5") != null);
      PullResult again = new ImagePuller().pull(PullOptions.of(refs, tmp.resolve("layout2")).withSources(sources)
          .withPlatforms(Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)).withCache(tmp.resolve("cache")));
      assertEquals(0, again.blobsDownloaded());
    }
  }
}
