package io.kubeferry.bundler.image;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.Descriptor;
import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.Manifest;
import io.kubeferry.core.oci.MirrorRule;
import io.kubeferry.core.oci.OciLayout;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.lab.registry.LabImages;
import io.kubeferry.lab.registry.LabRegistry;
import io.kubeferry.lab.registry.LabUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Benchmark driver for {@code scripts/bench-images} (not a test). {@code run MIB WORKDIR CLASSPATH} starts the lab
 * upstream with the 1.23.1 fixture set plus filler layers (about MIB MiB), pulls the amd64 set with kubeferry in a
 * child JVM with {@code -Xmx256m} and a cold cache, then with a loop of {@code skopeo copy docker://… oci:…} over the
 * same registries, and prints both times, their ratio and the layout size against per-image tarballs.
 * {@code pull LAYOUT CACHE host=endpoint...} is the child: one kubeferry pull of the set.
 */
public final class ImageBench {
  private ImageBench() {}

  public static void main(String[] args) throws Exception {
    List<ImageRef> set = ImageCatalog.load().images(KubernetesVersion.parse("1.23.1"), ImageSetOptions.defaults())
        .stream().map(CatalogImage::ref).toList();
    if (args[0].equals("pull")) {
      List<MirrorRule> rules = new ArrayList<>();
      for (int i = 3; i < args.length; i++) {
        rules.add(MirrorRule.parse(args[i]));
      }
      long t0 = System.nanoTime();
      boolean trace = System.getenv("BENCH_TRACE") != null;
      io.kubeferry.core.oci.PullListener l = new io.kubeferry.core.oci.PullListener() {
        @Override
        public void imageResolved(String image, String servedBy, long bytes) {
          if (trace) {
            System.err.printf(Locale.ROOT, "%6d ms resolved %s%n", (System.nanoTime() - t0) / 1_000_000, image);
          }
        }

        @Override
        public void imageDone(io.kubeferry.core.oci.PulledImage image) {
          if (trace) {
            System.err.printf(Locale.ROOT, "%6d ms stored %s%n", (System.nanoTime() - t0) / 1_000_000, image.image());
          }
        }
      };
      PullResult r = new ImagePuller().pull(PullOptions.of(set, Path.of(args[1])).withCache(Path.of(args[2]))
          .withSources(new Sources(rules, true)).withPlatforms(Set.of(Platform.LINUX_AMD64)).withListener(l)
          .withParallelism(Integer.parseInt(System.getenv().getOrDefault("BENCH_PARALLEL", "4"))));
      System.out.printf(Locale.ROOT, "kubeferry pulled %d images, %d bytes in %.2f s (max heap %d MiB)%n",
          r.images().size(), r.bytesDownloaded(), r.elapsed().toMillis() / 1000.0,
          Runtime.getRuntime().maxMemory() >> 20);
      return;
    }
    long mib = Long.parseLong(args[1]);
    Path work = Path.of(args[2]);
    try (LabUpstream up = LabUpstream.start(LabImages.k8s1231().withFiller(mib << 20), LabRegistry.Options.of())) {
      List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m"));
      String extra = System.getenv("BENCH_JAVA_OPTS");
      if (extra != null && !extra.isBlank()) {
        cmd.addAll(List.of(extra.trim().split("\\s+")));
      }
      cmd.addAll(List.of("-cp", args[3], ImageBench.class.getName(), "pull", work.resolve("kf-layout").toString(),
          work.resolve("kf-cache").toString()));
      up.mirrors().forEach((host, uri) -> cmd.add(host + "=" + uri.getAuthority()));
      long t0 = System.nanoTime();
      run(cmd);
      double kf = (System.nanoTime() - t0) / 1e9;

      t0 = System.nanoTime();
      for (ImageRef ref : set) {
        run(List.of("skopeo", "copy", "-q", "--src-tls-verify=false", "--override-arch", "amd64", "--override-os",
            "linux", "docker://" + up.images().get(ref.toString()).labReference(),
            "oci:" + work.resolve("sk-layout") + ":" + ref));
      }
      double sk = (System.nanoTime() - t0) / 1e9;

      long layout = size(work.resolve("kf-layout"));
      long tarballs = tarballs(OciLayout.open(work.resolve("kf-layout")));
      System.out.printf(Locale.ROOT, "set: %d images, %d MiB of distinct blobs (amd64)%n", set.size(), layout >> 20);
      System.out.printf(Locale.ROOT, "kubeferry: %.2f s   skopeo loop: %.2f s   ratio kubeferry/skopeo: %.2f"
          + " (goal <= 0.80)%n", kf, sk, kf / sk);
      System.out.printf(Locale.ROOT, "layout: %d MiB   sum of per-image docker-save-style tarballs: %d MiB   ratio"
          + " %.2f%n", layout >> 20, tarballs >> 20, (double) layout / tarballs);
    }
  }

  /** What one tarball per image would weigh: each stored platform's config + layers, plus a tar header each. */
  private static long tarballs(OciLayout layout) throws Exception {
    long total = 0;
    for (Descriptor top : layout.images().values()) {
      Manifest m = layout.manifest(top);
      List<Descriptor> platforms = m.isIndex()
          ? m.children().stream().filter(c -> layout.blobs().has(c)).toList() : List.of(top);
      for (Descriptor p : platforms) {
        for (Descriptor b : layout.manifest(p).blobs()) {
          total += b.size() + 1024;
        }
      }
    }
    return total;
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", cmd));
    }
  }
}
