package io.kubeferry.bundler.rpm;

import io.kubeferry.core.Digest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An RPM file as read from disk: its header, the file's sha256 and size, and where the main header sits in the
 * file (repodata {@code rpm:header-range}). Immutable.
 *
 * @param signerKeyId long key id (16 hex digits) of the verified signature, or null when not verified
 */
public record RpmPackageFile(
    Path path, RpmHeader header, Digest sha256, long size, long headerStart, long headerEnd, String signerKeyId) {

  public RpmPackageFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(sha256, "sha256");
  }
}
