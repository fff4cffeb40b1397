package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import java.util.Objects;

/**
 * The bundle a delta was built on ({@code bundle build --base}). A delta lists every file of the whole bundle but
 * carries only those the base does not hold (the others are marked {@link FileEntry#fromBase}), so it is usable only
 * together with that base: the installer identifies it by the sha256 of its signed {@link BundleLayout#MANIFEST},
 * which pins every file of the base.
 *
 * @param manifest sha256 of the base's {@code bundle.yaml}
 * @param name the base tarball's file name at build time (to tell the operator which one is needed)
 */
public record BaseBundle(Digest manifest, String name) {
  public BaseBundle {
    Objects.requireNonNull(manifest, "manifest");
    if (!manifest.algorithm().equals("sha256")) {
      throw new IllegalArgumentException("the base bundle's manifest needs a sha256 digest, got "
          + manifest.algorithm());
    }
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException("invalid base bundle name '" + name + "' (a file name)");
    }
  }
}
