package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import java.util.Objects;

/**
 * One file of the bundle as the manifest lists it. Every file except the manifest and its signature has one.
 *
 * @param path safe relative path ({@link BundleLayout#checkPath})
 * @param sha256 digest of the content
 * @param size content length in bytes
 * @param executable whether it is unpacked with mode 0755 (the manifest, not the tar header, decides)
 * @param fromBase in a delta ({@link BundleManifest#base}): the file is not in this bundle but in its base, with
 *     this sha256
 */
public record FileEntry(String path, Digest sha256, long size, boolean executable, boolean fromBase) {
  /** A file this bundle carries. */
  public FileEntry(String path, Digest sha256, long size, boolean executable) {
    this(path, sha256, size, executable, false);
  }

  public FileEntry {
    BundleLayout.checkPath(path);
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.algorithm().equals("sha256")) {
      throw new IllegalArgumentException("file " + path + " needs a sha256 digest, got " + sha256.algorithm());
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size for file " + path);
    }
  }

  /** The same file, marked as held by the base bundle instead of this one. */
  public FileEntry inBase() {
    return new FileEntry(path, sha256, size, executable, true);
  }
}
