package io.kubeferry.bundler.image;

import io.kubeferry.core.ImageRef;
import java.util.Objects;

/**
 * One image of a cluster's image set and why it is there.
 *
 * @param role what the image is for: {@code control-plane}, {@code etcd}, {@code pause}, {@code coredns},
 *     {@code cni}, {@code load-balancer}, {@code registry}
 * @param ref the canonical upstream reference
 */
public record CatalogImage(String role, ImageRef ref) {
  public CatalogImage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(ref, "ref");
  }
}
