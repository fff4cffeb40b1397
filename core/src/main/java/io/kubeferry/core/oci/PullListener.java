package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;

/** Progress of a {@link PullSession}. Called from several threads; implementations must be thread-safe. */
public interface PullListener {
  /** The manifests of an image were resolved; {@code bytes} is the size of all blobs it needs. */
  default void imageResolved(String image, String servedBy, long bytes) {}

  /** Bytes of a blob arrived from the network. */
  default void bytesDownloaded(String image, long n) {}

  /** A blob is in the layout; {@code downloaded} is false when it came from the cache or was already there. */
  default void blobStored(String image, Descriptor blob, boolean downloaded) {}

  /** Every blob of an image is in the layout and the image is in {@code index.json}. */
  default void imageDone(PulledImage image) {}

  PullListener NONE = new PullListener() {};
}
