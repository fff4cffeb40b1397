package io.kubeferry.core.pack;

import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link BundleBuilder#build}: the manifest's contents, the directories and files that go into the
 * tarball, and how to sign and pack it. Every content part is optional so small bundles can be made (tests, the
 * lab's fixtures, the class-data training); {@code bundle build} passes all of them.
 *
 * @param contents what the manifest records besides the file list
 * @param imageLayout OCI layout directory shipped as {@code images/}, or null
 * @param repoDir signed yum repository shipped as {@code repo/}, or null
 * @param files single files by bundle path (templates under {@code manifests/}, RPM keys, ...)
 * @param installer kubeferry jars, launcher and runtime, or null
 * @param locksDir directory holding {@code images.lock}/{@code rpms.lock}, shipped as {@code locks/}, or null
 * @param signer signs the manifest and the tarball
 * @param output the tarball path ({@code .tgz} or {@code .tar.zst}); parts get {@code .000} suffixes
 * @param pack compression, timestamp, split size
 * @param listener progress
 * @param base for a delta, the bundle it is built on: files it holds (same path and sha256) are listed but not
 *     packed; null for a whole bundle
 */
public record BuildOptions(
    BundleContents contents,
    Path imageLayout,
    Path repoDir,
    Map<String, PackEntry> files,
    ContentSources.Installer installer,
    Path locksDir,
    Signer signer,
    Path output,
    PackOptions pack,
    BuildListener listener,
    DeltaBase base) {

  /** A whole bundle (no base). */
  public BuildOptions(BundleContents contents, Path imageLayout, Path repoDir, Map<String, PackEntry> files,
      ContentSources.Installer installer, Path locksDir, Signer signer, Path output, PackOptions pack,
      BuildListener listener) {
    this(contents, imageLayout, repoDir, files, installer, locksDir, signer, output, pack, listener, null);
  }

  public BuildOptions {
    Objects.requireNonNull(contents, "contents");
    files = Map.copyOf(files);
    files.forEach((path, e) -> {
      if (!path.equals(e.path())) {
        throw new IllegalArgumentException("file entry " + e.path() + " filed under " + path);
      }
      BundleLayout.checkPath(path);
    });
    Objects.requireNonNull(signer, "signer (a signing key is required)");
    Objects.requireNonNull(output, "output");
    pack = pack == null ? PackOptions.defaults() : pack;
    listener = listener == null ? BuildListener.none() : listener;
  }
}
