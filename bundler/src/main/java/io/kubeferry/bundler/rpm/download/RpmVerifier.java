package io.kubeferry.bundler.rpm.download;

import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.nio.file.Path;

/**
 * Checks a downloaded RPM beyond its sha256, e.g. its header signature against the repository key. Called after
 * the checksum matched and before the file enters the cache. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RpmVerifier {
  /** Accepts everything: used when the repository has no key configured. */
  RpmVerifier NONE = (file, pkg) -> { };

  /** Throws with a message naming the package when the file is not acceptable. */
  void verify(Path file, RpmPackage pkg) throws RpmDownloadException;
}
