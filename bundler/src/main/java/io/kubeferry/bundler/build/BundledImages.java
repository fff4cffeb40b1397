package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.PullResult;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.ImageNaming;
import io.kubeferry.core.oci.PulledImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The manifest's image entries, straight from what the puller stored (nothing is read back from the layout). */
final class BundledImages {
  private BundledImages() {}

  static List<ImageEntry> of(List<CatalogImage> requested, PullResult pulled, KubernetesVersion version) {
    Map<String, PulledImage> byRef = pulled.images().stream()
        .collect(Collectors.toMap(PulledImage::image, Function.identity()));
    List<ImageEntry> out = new ArrayList<>();
    for (CatalogImage c : requested) {
      PulledImage p = byRef.get(c.ref().toString());
      if (p == null) {
        throw new IllegalStateException("the puller stored no " + c.ref());
      }
      List<ImageEntry.Platform> platforms = new ArrayList<>();
      p.platforms().forEach((platform, digest) -> platforms.add(new ImageEntry.Platform(platform.toString(), digest)));
      out.add(new ImageEntry(p.image(), p.digest(), platforms, p.size(), c.role(),
          ImageNaming.names(c.ref(), c.role(), version)));
    }
    return out;
  }
}
