package io.kubeferry.lab.registry;

import io.kubeferry.core.Digest;
import java.util.Map;

/**
 * A fixture image as pushed to a lab registry.
 *
 * @param image the fixture
 * @param canonicalRef the upstream reference this push stands for, e.g. {@code docker.io/calico/node:v3.24.6}
 * @param labReference the same image in the lab, e.g. {@code 127.0.0.1:41235/calico/node:v3.24.6}
 * @param indexDigest digest of the multi-platform index (what {@code skopeo inspect --raw} hashes to)
 * @param indexMediaType media type of the index
 * @param platformManifests {@code linux/amd64} and {@code linux/arm64} (os/architecture, without the index's
 *     {@code v8} variant) → manifest digest
 */
public record PushedImage(FixtureImage image, String canonicalRef, String labReference, Digest indexDigest,
    String indexMediaType, Map<String, Digest> platformManifests) {
  public PushedImage {
    platformManifests = Map.copyOf(platformManifests);
  }
}
