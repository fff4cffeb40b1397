package io.kubeferry.bundler.image;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.bundle.ImageRole;
import java.util.Objects;

/**
 * One image of a cluster's image set and why it is there.
 *
 * @param role what the image is for
 * @param ref the canonical upstream reference
 */
public record CatalogImage(ImageRole role, ImageRef ref) {
  public CatalogImage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(ref, "ref");
  }
}
