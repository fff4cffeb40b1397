package io.kubeferry.bundler.rpm.repo;

import java.util.Objects;

/**
 * One repository to read.
 *
 * @param id short name used in results and messages
 * @param location a directory, {@code file:} URL or http(s) URL of the repository root
 * @param priority lower wins among providers (yum {@code priority=}, default 99)
 * @param verifier checks repomd.xml's signature; {@code null} when the repository has no key configured
 */
public record RepoConfig(String id, String location, int priority, RepomdVerifier verifier) {
  public static final int DEFAULT_PRIORITY = 99;

  public RepoConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
  }

  /** An unsigned repository with default priority. */
  public static RepoConfig of(String id, String location) {
    return new RepoConfig(id, location, DEFAULT_PRIORITY, null);
  }
}
