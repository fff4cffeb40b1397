package io.kubeferry.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * A file under {@link BundleLayout#MANIFESTS} that the installer renders or applies, or an add-on manifest under
 * {@link BundleLayout#ADDONS} that it applies, with the images it references. The bundler checked at build time that
 * every one of those images is in the bundle; the installer checks again, on the files themselves, before it
 * touches a host.
 *
 * @param path bundle path under {@code manifests/} or {@code addons/}
 * @param images canonical references of every {@code image:} in the file, sorted, unique (empty for configs)
 */
public record TemplateEntry(String path, List<String> images) {
  public TemplateEntry {
    BundleLayout.checkPath(path);
    if (!path.startsWith(BundleLayout.MANIFESTS) && !path.startsWith(BundleLayout.ADDONS)) {
      throw new IllegalArgumentException("template " + path + " is not under " + BundleLayout.MANIFESTS + " or "
          + BundleLayout.ADDONS);
    }
    images = List.copyOf(new java.util.TreeSet<>(Objects.requireNonNull(images, "images")));
  }
}
