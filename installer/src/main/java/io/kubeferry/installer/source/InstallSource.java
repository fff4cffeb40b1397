package io.kubeferry.installer.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * What the install takes from a verified bundle: the Kubernetes version, the OS profile and architecture the
 * packages were resolved for, the yum repository directory (with {@code repodata/}), the OpenPGP public key that
 * signed it, the upstream RPM signing keys the bundle carries, and the exact packages to install
 * ({@code name-version-release}, pinned).
 *
 * @param osProfile e.g. {@code el7}: the family and major version the bundle's RPMs target
 * @param gpgKey the trusted bundle key (signs the bundle and its repomd.xml)
 * @param rpmKeys the RPMs' signing keys by source repository id, from the verified bundle's {@code keys/rpm/}
 */
public record InstallSource(String kubernetesVersion, String osProfile, String arch, Path repoDir, Path gpgKey,
    Map<String, Path> rpmKeys, List<String> packages) {
  public InstallSource {
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(osProfile, "osProfile");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(repoDir, "repoDir");
    Objects.requireNonNull(gpgKey, "gpgKey");
    rpmKeys = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rpmKeys)); // sorted: stable repo file
    packages = List.copyOf(packages);
    if (!kubernetesVersion.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new IllegalArgumentException("invalid Kubernetes version '" + kubernetesVersion + "' (expected 1.23.1)");
    }
    if (!osProfile.matches("el\\d+")) {
      throw new IllegalArgumentException("invalid OS profile '" + osProfile + "' (expected el7, el8, el9)");
    }
    if (packages.isEmpty()) {
      throw new IllegalArgumentException("an install source needs at least one package to install");
    }
  }

  /** The minor version, e.g. 23 for 1.23.1. */
  public int minor() {
    return Integer.parseInt(kubernetesVersion.split("\\.")[1]);
  }

  /** True when the bundle provides a package named {@code name} (any version). */
  public boolean provides(String name) {
    return packages.stream().anyMatch(p -> p.startsWith(name + "-") && p.substring(name.length() + 1)
        .matches("\\d.*"));
  }
}
