package io.kubeferry.bundler.build;

import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.template.ImageReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One add-on manifest of {@code bundle build --addons DIR} and every image it names.
 *
 * @param path the file's path relative to the add-ons directory ({@code /}-separated); the bundle keeps it under
 *     {@link BundleLayout#ADDONS}
 * @param file the file on disk
 * @param images every {@code image:} value with its document and field (the file is named as the operator gave it)
 */
public record AddonFile(String path, Path file, List<ImageReference> images) {
  public AddonFile {
    BundleLayout.checkPath(path);
    Objects.requireNonNull(file, "file");
    images = List.copyOf(images);
  }

  /** {@code addons/<path>}. */
  public String bundlePath() {
    return BundleLayout.ADDONS + path;
  }
}
