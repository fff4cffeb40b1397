package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One image in the bundle's OCI layout.
 *
 * @param ref canonical upstream reference, e.g. {@code registry.k8s.io/pause:3.6}
 * @param digest digest of the top-level manifest or index (what {@code index.json} points at)
 * @param platforms per-platform manifest digests ({@code linux/amd64}); one entry for a single-platform image
 * @param size total bytes of the image's blobs in the layout (shared layers counted in each image)
 * @param role why the image is bundled; null only in format v1 manifests, which did not record it
 * @param names in-datacenter names relative to the registry location, primary first ({@link ImageNaming});
 *     empty only in format v1 manifests
 */
public record ImageEntry(String ref, Digest digest, List<Platform> platforms, long size, ImageRole role,
    List<String> names) {
  public ImageEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(digest, "digest");
    platforms = List.copyOf(platforms);
    names = List.copyOf(names);
    if (ref.isBlank() || size < 0) {
      throw new IllegalArgumentException("invalid image entry '" + ref + "'");
    }
    if ((role == null) != names.isEmpty()) {
      throw new IllegalArgumentException("image " + ref + ": a role and in-datacenter names go together");
    }
  }

  /** The name the installer points consumers at. */
  public String primaryName() {
    if (names.isEmpty()) {
      throw new IllegalStateException("image " + ref + " has no in-datacenter name (format v1 bundle)");
    }
    return names.get(0);
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
