package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One image in the bundle's OCI layout.
 *
 * @param ref canonical reference, e.g. {@code registry.k8s.io/pause:3.6}
 * @param digest digest of the top-level manifest or index (what {@code index.json} points at)
 * @param platforms per-platform manifest digests ({@code linux/amd64}); one entry for a single-platform image
 * @param size total bytes of the image's blobs in the layout (shared layers counted in each image)
 */
public record ImageEntry(String ref, Digest digest, List<Platform> platforms, long size) {
  public ImageEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(digest, "digest");
    platforms = List.copyOf(platforms);
    if (ref.isBlank() || size < 0) {
      throw new IllegalArgumentException("invalid image entry '" + ref + "'");
    }
  }

  /** A platform-specific manifest of an image: {@code os/arch[/variant]} and its digest. */
  public record Platform(String platform, Digest digest) {
    public Platform {
      Objects.requireNonNull(digest, "digest");
      if (platform == null || !platform.matches("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?")) {
        throw new IllegalArgumentException("invalid platform '" + platform + "' (expected os/arch[/variant])");
      }
    }
  }
}
