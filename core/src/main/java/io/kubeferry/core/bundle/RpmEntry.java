package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import java.util.Objects;

/**
 * One RPM in the bundle's yum repository.
 *
 * @param nevra package identity
 * @param path bundle path of the package file (under {@link BundleLayout#REPO})
 * @param sha256 digest of the package file
 * @param size package file size in bytes
 */
public record RpmEntry(Nevra nevra, String path, Digest sha256, long size) {
  public RpmEntry {
    Objects.requireNonNull(nevra, "nevra");
    Objects.requireNonNull(sha256, "sha256");
    BundleLayout.checkPath(path);
    if (!path.startsWith(BundleLayout.REPO) || size < 0) {
      throw new IllegalArgumentException("invalid RPM entry " + nevra + " at '" + path + "'");
    }
  }
}
