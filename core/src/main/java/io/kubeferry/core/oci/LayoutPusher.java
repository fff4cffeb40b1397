package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.oci.RegistryException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes an image from an {@link OciLayout} to a registry byte-exactly (same manifest bytes and media types, so the
 * registry reproduces the upstream digests). For an index whose children are only partly in the layout (a
 * single-platform bundle), the children present are pushed by digest and, when exactly one is present, it is
 * tagged instead of the index: registries refuse an index whose children they do not hold.
 */
public final class LayoutPusher {
  private final RegistryClient client;
  private final long chunkSize;
  /** Where each blob is already known to live on a registry ("host digest" → repository), for mounts. */
  private final Map<String, String> known = new ConcurrentHashMap<>();

  /** A pusher uploading each blob in one request. */
  public LayoutPusher(RegistryClient client) {
    this(client, 0);
  }

  /**
   * A pusher uploading blobs larger than {@code chunkSize} in chunks (0: never), and mounting a blob from another
   * repository of the same registry when this pusher already put it there (images sharing base layers upload
   * them once). Thread-safe.
   */
  public LayoutPusher(RegistryClient client, long chunkSize) {
    this.client = client;
    this.chunkSize = chunkSize;
  }

  /**
   * Pushes one layout entry to {@code dst} under {@code tag}.
   *
   * @return the descriptor that was tagged (the index, or the single platform manifest)
   */
  public Descriptor push(OciLayout layout, Descriptor top, Remote dst, String tag, String image)
      throws RegistryException, InterruptedException {
    try {
      Manifest m = layout.manifest(top);
      if (!m.isIndex()) {
        pushImage(layout, m, dst, tag, image);
        return top;
      }
      List<Manifest> present = new ArrayList<>();
      for (Descriptor c : m.children()) {
        if (layout.blobs().has(c)) {
          present.add(layout.manifest(c));
        }
      }
      if (present.isEmpty()) {
        throw new RegistryException(Kind.NOT_FOUND, image, "could not push: no platform of index " + m.digest()
            + " is in " + layout.dir());
      }
      for (Manifest child : present) {
        pushImage(layout, child, dst, child.digest().toString(), image);
      }
      if (present.size() == m.children().size()) {
        client.pushManifest(dst, tag, m, image);
        return top;
      }
      if (present.size() == 1) {
        client.pushManifest(dst, tag, present.get(0), image);
        return present.get(0).descriptor();
      }
      // Several but not all platforms: the children are pushed by digest; the tag needs the full index.
      throw new RegistryException(Kind.NOT_FOUND, image, "could not tag " + tag + ": the layout holds "
          + present.size() + " of " + m.children().size() + " platforms of index " + m.digest()
          + " and registries refuse an index with missing children");
    } catch (IOException e) {
      throw new RegistryException(Kind.PROTOCOL, image, "could not read " + layout.dir() + ": " + e.getMessage(), e);
    }
  }

  private void pushImage(OciLayout layout, Manifest m, Remote dst, String ref, String image)
      throws RegistryException, InterruptedException {
    for (Descriptor b : m.blobs()) {
      if (!layout.blobs().has(b)) {
        throw new RegistryException(Kind.NOT_FOUND, image, "could not push: blob " + b.digest() + " missing from "
            + layout.dir());
      }
      String key = dst.host() + " " + b.digest();
      client.pushBlob(dst, b, layout.blobs().path(b.digest()), image, known.get(key), chunkSize);
      known.putIfAbsent(key, dst.repository());
    }
    client.pushManifest(dst, ref, m, image);
  }
}
