package io.kubeferry.core.pack;

import io.kubeferry.core.sign.Signer;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark entry point used by {@code scripts/bench-bundle} (not a test): builds a bundle from
 * {@code CONTENT/images} (an OCI layout) and {@code CONTENT/runtime} (a JDK tree) with the real builder.
 * Usage: {@code PackBench CONTENT OUTPUT.tgz SECRET_KEY [gzip|zstd]}.
 */
public final class PackBench {
  private PackBench() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path content = Path.of(args[0]);
    Signer signer = Signer.fromFile(Path.of(args[2]), null);
    Compression compression = args.length > 3 ? Compression.parse(args[3]) : Compression.GZIP;
    Path launcher = content.resolve("kubeferry");
    BuildResult r = new BundleBuilder().build(new BuildOptions(TestBundles.contents(content.resolve("images"), null),
        content.resolve("images"), null, java.util.Map.of(),
        new ContentSources.Installer(launcher, List.of(), content.resolve("runtime")), null, signer,
        Path.of(args[1]), new PackOptions(compression, PackOptions.DEFAULT_MTIME, 0), d -> System.err.printf("%6.2f s  %s%n", (System.nanoTime() - start) / 1e9, d)));
    System.err.printf("%6.2f s  done%n", (System.nanoTime() - start) / 1e9);
    System.out.println(r.sha256() + " " + r.size());
  }
}
