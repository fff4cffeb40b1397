package io.kubeferry.core.oci;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Platform;
import java.util.Map;

/**
 * One image stored in a layout.
 *
 * @param image canonical reference (as requested, e.g. {@code registry.k8s.io/pause:3.6})
 * @param servedBy the endpoint repository that served it (a mirror or the upstream)
 * @param mediaType media type of the top-level manifest or index
 * @param digest digest of the top-level manifest or index (the upstream's)
 * @param platforms platform manifest digests stored, by platform (sorted)
 * @param size bytes of every blob the image reaches in the layout (manifests, index, config, layers; a blob shared
 *     with another image counts in both)
 * @param bytesDownloaded blob bytes fetched from the network for this image
 * @param blobsDownloaded blobs fetched from the network for this image
 */
public record PulledImage(String image, String servedBy, String mediaType, Digest digest,
    Map<Platform, Digest> platforms, long size, long bytesDownloaded, int blobsDownloaded) {
  public PulledImage {
    platforms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(platforms));
  }
}
