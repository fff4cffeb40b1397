package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmKeyring;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link RepodataWriter} indexes and how.
 *
 * @param repoDir directory whose {@code *.rpm} files (any depth, outside {@code repodata/}) are indexed
 * @param verifyWith when non-null every RPM must carry a valid signature by one of the keys this gives for its
 *     location (relative to {@code repoDir}); null for no check
 * @param signer when non-null signs repomd.xml into {@code repodata/repomd.xml.asc}
 * @param publicKeyArmored when non-null written to {@code repodata/repomd.xml.key}
 * @param threads RPM reading threads; 0 = one per CPU (at most 4)
 */
public record RepodataOptions(
    Path repoDir, java.util.function.Function<String, RpmKeyring> verifyWith, RepomdSigner signer, String publicKeyArmored, int threads) {

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

  /** Every RPM must be signed by one of {@code keys}. */
  public RepodataOptions withVerification(RpmKeyring keys) {
    return withVerification(href -> keys);
  }

  /**
   * Every RPM must be signed by one of the keys {@code keysFor} gives for its location: a bundle's repository holds
   * packages of several upstream repositories, each signed by its own keys, checked in the same pass that indexes
   * it (one read of each file).
   */
  public RepodataOptions withVerification(java.util.function.Function<String, RpmKeyring> keysFor) {
    return new RepodataOptions(repoDir, keysFor, signer, publicKeyArmored, threads);
  }

  int effectiveThreads() {
    return threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
