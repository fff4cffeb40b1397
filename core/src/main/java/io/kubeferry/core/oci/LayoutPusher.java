package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.oci.RegistryException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes an image from an {@link OciLayout} to a registry byte-exactly (same manifest bytes and media types, so the
 * registry reproduces the upstream digests). For an index whose children are only partly in the layout (a
 * single-platform bundle), the children present are pushed by digest and, when exactly one is present, it is
 * tagged instead of the index: registries refuse an index whose children they do not hold.
 */
public final class LayoutPusher {
  private final RegistryClient client;

  public LayoutPusher(RegistryClient client) {
    this.client = client;
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
      client.pushBlob(dst, b, layout.blobs().path(b.digest()), image);
    }
    client.pushManifest(dst, ref, m, image);
  }
}
