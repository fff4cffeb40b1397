package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.sign.Fingerprint;
import java.nio.file.Path;
import java.util.List;

/**
 * A written bundle.
 *
 * @param tarball the tarball path as given (parts carry suffixes)
 * @param files the tarball or its parts
 * @param signature the detached signature {@code x.tgz.asc}
 * @param size compressed size of all parts
 * @param sha256 digest of the whole compressed stream
 * @param fingerprint the signing key
 * @param manifest what the bundle lists
 */
public record BuildResult(Path tarball, List<Path> files, Path signature, long size, Digest sha256,
    Fingerprint fingerprint, BundleManifest manifest) {
  public BuildResult {
    files = List.copyOf(files);
  }
}
