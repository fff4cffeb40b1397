package io.kubeferry.bundler.pack;

import io.kubeferry.core.sign.Signer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link BundleBuilder#build}. Required: version, OS profiles, arches, signer, output; every content
 * part is optional so partial bundles can be tested, but a real {@code bundle build} passes all of them.
 *
 * @param kubernetesVersion e.g. {@code 1.23.1}
 * @param images OCI layout source, or null
 * @param repo yum repository source, or null
 * @param manifestsDir templates directory shipped as {@code manifests/}, or null
 * @param installer kubeferry jars, launcher and runtime, or null
 * @param locksDir directory holding {@code images.lock}/{@code rpms.lock}, or null
 * @param signer signs the manifest and the tarball
 * @param output the tarball path ({@code .tgz} or {@code .tar.zst}); parts get {@code .000} suffixes
 * @param pack compression, timestamp, split size
 * @param listener progress
 * @param rpmKeys armored RPM signing keys by bundle path ({@link io.kubeferry.core.bundle.BundleLayout#rpmKey})
 */
public record BuildOptions(
    String kubernetesVersion,
    List<String> osProfiles,
    List<String> arches,
    ContentSources.ImageSource images,
    ContentSources.RepoSource repo,
    Path manifestsDir,
    ContentSources.Installer installer,
    Path locksDir,
    Signer signer,
    Path output,
    PackOptions pack,
    BuildListener listener,
    Map<String, byte[]> rpmKeys) {

  public BuildOptions {
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    osProfiles = List.copyOf(osProfiles);
    arches = List.copyOf(arches);
    Objects.requireNonNull(signer, "signer (a signing key is required)");
    Objects.requireNonNull(output, "output");
    pack = pack == null ? PackOptions.defaults() : pack;
    listener = listener == null ? BuildListener.none() : listener;
    rpmKeys = Map.copyOf(rpmKeys);
    for (String path : rpmKeys.keySet()) {
      if (!io.kubeferry.core.bundle.BundleLayout.isRpmKey(path)) {
        throw new IllegalArgumentException("not an RPM key path: " + path + " (use BundleLayout.rpmKey)");
      }
    }
  }

  /** Options without RPM signing keys (partial bundles in tests; a real build ships them). */
  public BuildOptions(String kubernetesVersion, List<String> osProfiles, List<String> arches,
      ContentSources.ImageSource images, ContentSources.RepoSource repo, Path manifestsDir,
      ContentSources.Installer installer, Path locksDir, Signer signer, Path output, PackOptions pack,
      BuildListener listener) {
    this(kubernetesVersion, osProfiles, arches, images, repo, manifestsDir, installer, locksDir, signer, output, pack,
        listener, Map.of());
  }
}
