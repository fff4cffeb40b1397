package io.kubeferry.bundler.image;

import io.kubeferry.core.oci.PulledImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link ImagePuller#pull} stored.
 *
 * @param layout the OCI layout directory
 * @param images every image, in request order
 * @param bytesDownloaded blob bytes fetched from the network (0 for a warm cache)
 * @param blobsDownloaded blobs fetched from the network
 * @param elapsed wall time
 */
public record PullResult(Path layout, List<PulledImage> images, long bytesDownloaded, int blobsDownloaded,
    Duration elapsed) {
  public PullResult {
    images = List.copyOf(images);
  }
}
