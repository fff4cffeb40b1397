package io.kubeferry.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * A file under {@link BundleLayout#MANIFESTS} that the installer renders or applies, with the images it references.
 * The bundler checked at build time that every one of those images is in the bundle; the installer checks again
 * before it touches a host.
 *
 * @param path bundle path under {@code manifests/}
 * @param images canonical references of every {@code image:} in the file, sorted, unique (empty for configs)
 */
public record TemplateEntry(String path, List<String> images) {
  public TemplateEntry {
    BundleLayout.checkPath(path);
    if (!path.startsWith(BundleLayout.MANIFESTS)) {
      throw new IllegalArgumentException("template " + path + " is not under " + BundleLayout.MANIFESTS);
    }
    images = List.copyOf(new java.util.TreeSet<>(Objects.requireNonNull(images, "images")));
  }
}
