package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.PullOptions;
import io.kubeferry.bundler.pack.BuildListener;
import io.kubeferry.bundler.pack.ContentSources;
import io.kubeferry.bundler.pack.PackOptions;
import io.kubeferry.bundler.rpm.download.RpmCache;
import io.kubeferry.bundler.rpm.profile.BaseOsProfile;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link BundleBuild#run}: everything {@code kubeferry bundle build} decided.
 *
 * @param kubernetesVersion e.g. {@code 1.23.1}
 * @param os target base OS profile (packages already on it are not bundled)
 * @param rpmArch {@code x86_64} or {@code aarch64}
 * @param images what to pull (its {@code layout} is replaced by the work directory's)
 * @param repos yum repositories to resolve and download from
 * @param repoKeys the RPM signing key file of every repository, by repository id (shipped as keys/rpm/; a repository
 *     without one is refused, see {@link RepoKeys})
 * @param rpmSpecs pinned package specs ({@link KubernetesRpms#specs} by default)
 * @param rpmCache download cache shared between builds
 * @param templates the {@code manifests/} directory, or null
 * @param installer kubeferry itself with its runtime, or null
 * @param locksDir directory holding images.lock and rpms.lock (written, or checked when {@code locked}); both are
 *     shipped in the bundle's locks/; null for no locks
 * @param locked fail when an image digest or the RPM closure drifted from the locks instead of updating them
 * @param signer signs repomd.xml, the manifest and the tarball
 * @param output tarball path
 * @param pack compression, timestamp, split
 * @param workDir scratch directory (images/, repo/); kept as a cache between builds
 * @param listener progress
 */
public record BundleBuildOptions(String kubernetesVersion, BaseOsProfile os, String rpmArch, PullOptions images,
    List<RepoConfig> repos, Map<String, Path> repoKeys, List<String> rpmSpecs, RpmCache rpmCache, Path templates,
    ContentSources.Installer installer, Path locksDir, boolean locked, Signer signer, Path output, PackOptions pack, Path workDir,
    BuildListener listener) {
  public BundleBuildOptions {
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(images, "images");
    repos = List.copyOf(repos);
    repoKeys = Map.copyOf(repoKeys);
    rpmSpecs = List.copyOf(rpmSpecs);
    Objects.requireNonNull(rpmCache, "rpmCache");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(workDir, "workDir");
    listener = listener == null ? BuildListener.none() : listener;
    if (locked && locksDir == null) {
      throw new IllegalArgumentException("--locked needs the directory holding images.lock and rpms.lock");
    }
  }
}
