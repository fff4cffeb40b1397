package io.kubeferry.installer.source;

import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleManifest;
import io.kubeferry.core.bundle.PackageRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the install takes from a verified bundle: its signed manifest (the contract: versions, package sets per
 * role, images with their in-datacenter names, templates), where the bundle was extracted, its yum repository, the
 * key that signed it, and the upstream RPM signing keys it carries. The installer reads these and guesses nothing.
 *
 * @param manifest the verified manifest (format v2 or later)
 * @param root the extracted bundle
 * @param gpgKey the trusted bundle key (signs the bundle and its repomd.xml)
 * @param rpmKeys the RPMs' signing keys by source repository id, from the verified bundle's {@code keys/rpm/}
 */
public record InstallSource(BundleManifest manifest, Path root, Path repoDir, Path gpgKey, Map<String, Path> rpmKeys) {
  private static final Map<String, String> RPM_ARCH = Map.of("amd64", "x86_64", "arm64", "aarch64");

  public InstallSource {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(repoDir, "repoDir");
    Objects.requireNonNull(gpgKey, "gpgKey");
    rpmKeys = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rpmKeys)); // sorted: stable repo file
    if (manifest.legacy()) {
      throw new IllegalArgumentException("a format v1 bundle does not record what an install needs");
    }
  }

  public String kubernetesVersion() {
    return manifest.kubernetesVersion();
  }

  /** The OS profile the packages were resolved for, e.g. {@code el7} or {@code kylin-v10}. */
  public String osProfile() {
    return manifest.os();
  }

  /** The RPM architecture, e.g. {@code x86_64}. */
  public String arch() {
    return RPM_ARCH.getOrDefault(manifest.arch(), manifest.arch());
  }

  /** The minor version, e.g. 23 for 1.23.1. */
  public int minor() {
    return manifest.minor();
  }

  /**
   * The packages a node installs explicitly, as the bundler resolved them ({@code name-[epoch:]version-release.arch}):
   * the Kubernetes set, the chosen runtime's set and the operator's extras.
   *
   * @param runtime {@link PackageRole#RUNTIME_DOCKER} or {@link PackageRole#RUNTIME_CONTAINERD}
   * @throws IllegalArgumentException when the bundle carries no packages for that runtime
   */
  public List<String> packages(PackageRole runtime) {
    if (manifest.packages(runtime).isEmpty()) {
      throw new IllegalArgumentException("the bundle carries no " + runtime + " packages (Kubernetes "
          + kubernetesVersion() + " bundles carry " + String.join(", ", manifest.packages().keySet().stream()
          .map(PackageRole::key).toList()) + ")");
    }
    List<String> out = new ArrayList<>();
    for (PackageRole role : List.of(PackageRole.KUBERNETES, runtime, PackageRole.EXTRA)) {
      for (Nevra n : manifest.packages(role)) {
        if (!out.contains(n.toString())) {
          out.add(n.toString());
        }
      }
    }
    return out;
  }

  /** True when the bundle installs a package named {@code name} explicitly for any role. */
  public boolean provides(String name) {
    return manifest.packages().values().stream().flatMap(List::stream).anyMatch(n -> n.name().equals(name));
  }
}
