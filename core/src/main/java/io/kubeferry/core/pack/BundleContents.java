package io.kubeferry.core.pack;

import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.bundle.SourceEntry;
import io.kubeferry.core.bundle.TemplateEntry;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the bundle manifest says besides the file list: decided by the build while it pulled, resolved and indexed,
 * and handed over as is (the packer never re-derives it from the files it packs).
 *
 * @param rpms every package file with the sha256 the repodata writer computed; the packer checks each again while
 *     streaming it
 * @param addons the add-on manifests under {@code addons/} with their images (empty for none)
 */
public record BundleContents(String kubernetesVersion, String os, String arch, ClusterComponents cluster,
    Map<PackageRole, List<Nevra>> packages, List<SourceEntry> sources, List<ImageEntry> images,
    List<RpmEntry> rpms, List<TemplateEntry> templates, List<TemplateEntry> addons) {
  /** Contents without add-ons. */
  public BundleContents(String kubernetesVersion, String os, String arch, ClusterComponents cluster,
      Map<PackageRole, List<Nevra>> packages, List<SourceEntry> sources, List<ImageEntry> images,
      List<RpmEntry> rpms, List<TemplateEntry> templates) {
    this(kubernetesVersion, os, arch, cluster, packages, sources, images, rpms, templates, List.of());
  }

  public BundleContents {
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(cluster, "cluster");
    packages = Map.copyOf(packages);
    sources = List.copyOf(sources);
    images = List.copyOf(images);
    rpms = List.copyOf(rpms);
    templates = List.copyOf(templates);
    addons = List.copyOf(addons);
  }
}
