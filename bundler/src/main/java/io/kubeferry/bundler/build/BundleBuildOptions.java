package io.kubeferry.bundler.build;

import io.kubeferry.core.pack.BuildListener;
import io.kubeferry.core.pack.ContentSources;
import io.kubeferry.core.pack.DeltaBase;
import io.kubeferry.core.pack.PackOptions;
import io.kubeferry.bundler.rpm.download.RpmCache;
import io.kubeferry.core.oci.PullListener;
import io.kubeferry.core.oci.RegistryClientOptions;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Inputs of {@link BundleBuild#run}: the recipe and where things are.
 *
 * @param recipe what to fetch and carry
 * @param templatesDir the {@code manifests/} directory the recipe's templates are relative to
 * @param registries where images come from (mirrors, credentials, insecure hosts)
 * @param imageCache content-addressed blob cache shared between builds, or null
 * @param rpmCache package cache shared between builds
 * @param installer kubeferry itself with its runtime, or null
 * @param locksDir directory holding images.lock and rpms.lock (written, or checked when {@code locked}); both are
 *     shipped in the bundle's locks/; null for no locks
 * @param locked fail when an image digest or the RPM closure drifted from the locks instead of updating them
 * @param signer signs repomd.xml, the manifest and the tarball
 * @param output tarball path
 * @param pack compression, timestamp, split
 * @param workDir scratch directory (images/, repo/); kept as a cache between builds
 * @param listener progress lines; {@code pullListener} image download progress
 * @param base the bundle to build a delta on ({@code --base}), or null for a whole bundle
 */
public record BundleBuildOptions(BundleRecipe recipe, Path templatesDir, Registries registries, Path imageCache,
    RpmCache rpmCache, ContentSources.Installer installer, Path locksDir, boolean locked, Signer signer, Path output,
    PackOptions pack, Path workDir, BuildListener listener, PullListener pullListener, DeltaBase base) {

  /** Where images are pulled from. */
  public record Registries(Sources sources, RegistryClientOptions client, int parallelism) {
    public Registries {
      Objects.requireNonNull(sources, "sources");
      Objects.requireNonNull(client, "client");
    }
  }

  public BundleBuildOptions {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(templatesDir, "templatesDir");
    Objects.requireNonNull(registries, "registries");
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
