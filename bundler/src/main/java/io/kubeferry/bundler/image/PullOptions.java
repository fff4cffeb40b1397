package io.kubeferry.bundler.image;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.Platform;
import io.kubeferry.core.oci.PullListener;
import io.kubeferry.core.oci.RegistryClientOptions;
import io.kubeferry.core.oci.Sources;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link ImagePuller#pull} does. Required: the images and the layout directory; {@link #of} applies every
 * default in one place (linux/amd64, no cache, upstream registries, default client, 4 parallel downloads, no lock).
 *
 * @param images canonical references to pull (their canonical names are kept in the layout)
 * @param layout OCI layout directory (created if missing)
 * @param platforms platforms to keep from each index
 * @param cache content-addressed download cache directory, or null
 * @param sources mirrors and whether the upstream may be used
 * @param client registry client options (credentials, insecure hosts, retries)
 * @param parallelism simultaneous blob downloads
 * @param lock lock policy
 * @param listener progress events
 */
public record PullOptions(List<ImageRef> images, Path layout, Set<Platform> platforms, Path cache, Sources sources,
    RegistryClientOptions client, int parallelism, LockPolicy lock, PullListener listener) {
  public PullOptions {
    images = List.copyOf(images);
    Objects.requireNonNull(layout, "layout");
    platforms = Set.copyOf(platforms);
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(client, "client");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1 (got " + parallelism + ")");
    }
    Objects.requireNonNull(lock, "lock");
    listener = listener == null ? PullListener.NONE : listener;
  }

  /** Defaults: linux/amd64, no cache, upstreams, default client, 4 parallel downloads, no lock. */
  public static PullOptions of(List<ImageRef> images, Path layout) {
    return new PullOptions(images, layout, Set.of(Platform.LINUX_AMD64), null, Sources.upstream(),
        RegistryClientOptions.defaults(), 4, LockPolicy.none(), null);
  }

  public PullOptions withPlatforms(Set<Platform> p) {
    return new PullOptions(images, layout, p, cache, sources, client, parallelism, lock, listener);
  }

  public PullOptions withCache(Path c) {
    return new PullOptions(images, layout, platforms, c, sources, client, parallelism, lock, listener);
  }

  public PullOptions withSources(Sources s) {
    return new PullOptions(images, layout, platforms, cache, s, client, parallelism, lock, listener);
  }

  public PullOptions withClient(RegistryClientOptions c) {
    return new PullOptions(images, layout, platforms, cache, sources, c, parallelism, lock, listener);
  }

  public PullOptions withParallelism(int n) {
    return new PullOptions(images, layout, platforms, cache, sources, client, n, lock, listener);
  }

  public PullOptions withLock(LockPolicy l) {
    return new PullOptions(images, layout, platforms, cache, sources, client, parallelism, l, listener);
  }

  public PullOptions withListener(PullListener l) {
    return new PullOptions(images, layout, platforms, cache, sources, client, parallelism, lock, l);
  }

  /**
   * How the pull uses {@code images.lock}.
   *
   * @param mode NONE ignores it, VERIFY fails on any image whose tag resolves to another digest (and pulls the
   *     locked digests), UPDATE rewrites the entries of this version from what was pulled
   * @param file the lock file
   * @param version the key in the lock, usually the Kubernetes version
   */
  public record LockPolicy(Mode mode, Path file, String version) {
    public enum Mode { NONE, VERIFY, UPDATE }

    public LockPolicy {
      Objects.requireNonNull(mode, "mode");
      if (mode != Mode.NONE && (file == null || version == null)) {
        throw new IllegalArgumentException("a lock policy needs a file and a version key");
      }
    }

    public static LockPolicy none() {
      return new LockPolicy(Mode.NONE, null, null);
    }
  }
}
