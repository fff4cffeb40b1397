package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmKeyring;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link RepodataWriter} indexes and how.
 *
 * @param repoDir directory whose {@code *.rpm} files (any depth, outside {@code repodata/}) are indexed
 * @param verifyWith when non-null every RPM must carry a valid signature by one of these keys
 * @param signer when non-null signs repomd.xml into {@code repodata/repomd.xml.asc}
 * @param publicKeyArmored when non-null written to {@code repodata/repomd.xml.key}
 * @param threads RPM reading threads; 0 = one per CPU (at most 4)
 */
public record RepodataOptions(
    Path repoDir, RpmKeyring verifyWith, RepomdSigner signer, String publicKeyArmored, int threads) {

  public RepodataOptions {
    Objects.requireNonNull(repoDir, "repoDir");
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0");
    }
  }

  /** Index {@code repoDir} unsigned, no verification, default threads. */
  public static RepodataOptions of(Path repoDir) {
    return new RepodataOptions(repoDir, null, null, null, 0);
  }

  public RepodataOptions withSigner(RepomdSigner s, String publicKey) {
    return new RepodataOptions(repoDir, verifyWith, s, publicKey, threads);
  }

  public RepodataOptions withVerification(RpmKeyring keys) {
    return new RepodataOptions(repoDir, keys, signer, publicKeyArmored, threads);
  }

  int effectiveThreads() {
    return threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
