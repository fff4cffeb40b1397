package io.kubeferry.core.template;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.TemplateEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The images a cluster's manifests need, as the bundle names them, and the check that the bundle has them all: run
 * by {@code bundle build} and again by the installer before it touches a host. Stateless.
 */
public final class TemplateImages {
  private TemplateImages() {}

  /**
   * One entry per image-bearing manifest the cluster applies ({@link ClusterManifests#imageBearing}), each with the
   * canonical references of its images, tags mapped to the bundled ones ({@link UpstreamManifest#imageTags}).
   *
   * @param manifestsDir the {@code manifests/} directory (the repository's, or an unpacked bundle's)
   * @throws ManifestException when a manifest cannot be selected, read or scanned
   */
  public static List<TemplateEntry> scan(Path manifestsDir, KubernetesVersion version, ClusterComponents components)
      throws ManifestException {
    // A bundle without a CNI carries no cni/origins.yaml (TemplateSelection), so the table is read only for a CNI.
    UpstreamManifests upstream = components.cni().equals("none") ? null : UpstreamManifests.load(manifestsDir);
    UpstreamManifest cni = upstream == null ? null
        : upstream.forCni(components.cni(), components.cniVersion(), version);
    List<TemplateEntry> entries = new ArrayList<>();
    for (String path : ClusterManifests.imageBearing(upstream, version, components)) {
      String text = read(manifestsDir, path);
      boolean isCni = cni != null && path.equals(UpstreamManifests.DIR + "/" + cni.file().path());
      List<String> images = new ArrayList<>();
      for (ImageReference ref : ManifestImages.scan(path, text)) {
        images.add((isCni ? cni.bundled(ref.ref()) : ref.ref()).toString());
      }
      entries.add(new TemplateEntry(BundleLayout.MANIFESTS + path, images));
    }
    return entries;
  }

  /**
   * Fails unless every image of {@code entries} is among {@code bundled} (canonical references, compared after
   * normalisation).
   *
   * @throws ManifestException listing every missing image with the manifests that need it
   */
  public static void requireBundled(List<TemplateEntry> entries, Collection<String> bundled) throws ManifestException {
    Set<String> have = bundled.stream().map(r -> ImageRef.parse(r).toString()).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>();
    for (TemplateEntry e : entries) {
      for (String image : e.images()) {
        if (!have.contains(image)) {
          missing.add(image + " (" + e.path() + ")");
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new ManifestException(BundleLayout.MANIFESTS, 0, "", "could not match the manifests to the bundle: "
          + missing.size() + " image" + (missing.size() == 1 ? " is" : "s are") + " not in it: "
          + String.join(", ", missing));
    }
  }

  private static String read(Path manifestsDir, String path) throws ManifestException {
    try {
      return Files.readString(manifestsDir.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ManifestException("could not read " + path + ": " + e.getMessage(), path, e);
    }
  }
}
