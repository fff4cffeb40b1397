package io.kubeferry.bundler.image;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.Sources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Benchmark driver for {@code scripts/bench-images} (not a test). {@code seed ENDPOINT TOTAL_MIB} pushes the
 * 1.23.1 image set (amd64) scaled so the blobs add up to TOTAL_MIB and prints one {@code repository:tag} per line;
 * {@code pull ENDPOINT LAYOUT CACHE PARALLEL} pulls that set with kubeferry and prints bytes and seconds.
 */
public final class ImageBench {
  private ImageBench() {}

  public static void main(String[] args) throws Exception {
    List<CatalogImage> set = ImageCatalog.load().images(KubernetesVersion.parse("1.23.1"), ImageSetOptions.defaults());
    String endpoint = args[1];
    if (args[0].equals("seed")) {
      long total = Long.parseLong(args[2]) << 20;
      // A shared 10 MiB base layer (as real images share distroless/debian bases), the rest in own layers.
      int base = 10 << 20;
      int layer = (int) Math.min(Integer.MAX_VALUE - 64, (total - base) / set.size());
      FixtureImages fx = new FixtureImages(endpoint, 2024, base);
      for (CatalogImage c : set) {
        ImageRef r = c.ref();
        fx.push(r.registry() + "/" + r.repository(), r.tag(), !r.registry().contains("k8s"), List.of("amd64"), layer);
        System.out.println(r.registry() + "/" + r.repository() + ":" + r.tag());
      }
      return;
    }
    TreeSet<String> hosts = new TreeSet<>();
    set.forEach(c -> hosts.add(c.ref().registry()));
    List<MirrorRule> rules = new ArrayList<>();
    hosts.forEach(h -> rules.add(new MirrorRule(h, endpoint, h, false)));
    PullResult r = new ImagePuller().pull(PullOptions.of(set.stream().map(CatalogImage::ref).toList(), Path.of(args[2]))
        .withCache(Path.of(args[3])).withParallelism(Integer.parseInt(args[4]))
        .withSources(new Sources(rules, true)).withPlatforms(Set.of(Platform.LINUX_AMD64)));
    System.out.printf("kubeferry pulled %d images, %d bytes in %.2f s (max heap %d MiB)%n", r.images().size(),
        r.bytesDownloaded(), r.elapsed().toMillis() / 1000.0, Runtime.getRuntime().maxMemory() >> 20);
  }
}
