package io.kubeferry.core.template;

import java.util.Objects;

/**
 * A file copied unmodified from an upstream repository into {@code manifests/cni/}, with where it came from.
 *
 * @param path path under {@code manifests/cni/}, e.g. {@code calico/calico-v3.24.6.yaml}
 * @param repository the upstream repository's URL
 * @param commit the upstream commit (40 hex) whose {@code upstreamPath} is byte-identical to the copy
 * @param upstreamPath the file's path in that repository
 * @param sha256 hex SHA-256 of the copy
 */
public record UpstreamFile(String path, String repository, String commit, String upstreamPath, String sha256) {
  public UpstreamFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(upstreamPath, "upstreamPath");
    if (commit == null || !commit.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException("upstream file " + path + ": commit must be 40 hex digits");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("upstream file " + path + ": sha256 must be 64 hex digits");
    }
  }
}
