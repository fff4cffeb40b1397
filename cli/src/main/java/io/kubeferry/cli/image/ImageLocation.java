package io.kubeferry.cli.image;

import io.kubeferry.core.ImageRef;
import java.nio.file.Path;

/**
 * A {@code skopeo}-style image location: {@code docker://[registry/]repo[:tag|@digest]} or {@code oci:DIR[:NAME]}.
 *
 * @param ref the registry image (docker transport) or null
 * @param dir the layout directory (oci transport) or null
 * @param name the layout entry name (oci transport), or null
 */
record ImageLocation(ImageRef ref, Path dir, String name) {
  static ImageLocation parse(String text) {
    if (text.startsWith("docker://")) {
      return new ImageLocation(ImageRef.parse(text.substring("docker://".length())), null, null);
    }
    if (text.startsWith("oci:")) {
      String rest = text.substring(4);
      // Like skopeo: the directory ends at the first colon; the name may itself contain colons and slashes.
      int colon = rest.indexOf(':');
      if (colon > 0) {
        return new ImageLocation(null, Path.of(rest.substring(0, colon)), rest.substring(colon + 1));
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("invalid image location '" + text + "' (expected oci:DIR[:NAME])");
      }
      return new ImageLocation(null, Path.of(rest), null);
    }
    throw new IllegalArgumentException("invalid image location '" + text
        + "' (expected docker://REGISTRY/REPO:TAG or oci:DIR[:NAME])");
  }

  boolean isRegistry() {
    return ref != null;
  }
}
