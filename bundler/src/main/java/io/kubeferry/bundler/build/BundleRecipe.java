package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.rpm.profile.BaseOsProfile;
import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.PackageRole;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@code bundle build} will fetch, decided before any download: what {@code --dry-run} prints and what
 * {@link BundleBuild} executes. Built by {@link Recipes#resolve}. Immutable.
 *
 * @param version the exact Kubernetes version
 * @param os the target OS profile (packages it already has are not bundled)
 * @param arch {@code amd64} or {@code arm64}
 * @param images the image set with each image's role (the operator's own with role {@code addon})
 * @param cluster kubeadm's registry and tags, the CNI and load-balancer choices
 * @param packageSpecs the package specs to install per role
 * @param repos the repositories to resolve and download from, in priority order
 * @param templates files under the templates directory to ship (paths relative to it, sorted)
 * @param notes things the operator should know about these choices (one line each)
 * @param operator the operator's add-on manifests and images, with where each image was named
 */
public record BundleRecipe(KubernetesVersion version, BaseOsProfile os, String arch, List<CatalogImage> images,
    ClusterComponents cluster, Map<PackageRole, List<String>> packageSpecs, List<SourceRepo> repos,
    List<String> templates, List<String> notes, OperatorImages operator) {
  public BundleRecipe {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(os, "os");
    if (!arch.equals("amd64") && !arch.equals("arm64")) {
      throw new IllegalArgumentException("unsupported architecture '" + arch + "' (amd64 or arm64)");
    }
    images = List.copyOf(images);
    Objects.requireNonNull(cluster, "cluster");
    Map<PackageRole, List<String>> specs = new EnumMap<>(PackageRole.class);
    packageSpecs.forEach((role, list) -> specs.put(role, List.copyOf(list)));
    packageSpecs = Collections.unmodifiableMap(specs);
    repos = List.copyOf(repos);
    templates = List.copyOf(templates.stream().sorted().toList());
    notes = List.copyOf(notes);
    Objects.requireNonNull(operator, "operator");
  }

  /** The RPM architecture: {@code x86_64} or {@code aarch64}. */
  public String rpmArch() {
    return arch.equals("arm64") ? "aarch64" : "x86_64";
  }

  /** Every spec once, roles in order (the solver gets them all in one request). */
  public List<String> allSpecs() {
    Set<String> all = new LinkedHashSet<>();
    packageSpecs.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /** The human-readable plan {@code bundle build --dry-run} prints. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Kubernetes ").append(version).append(" for ").append(os.id()).append('/').append(arch).append('\n');
    sb.append("\nrepositories (in priority order):\n");
    for (SourceRepo r : repos) {
      sb.append("  ").append(r.id()).append("  ").append(r.url()).append('\n');
      if (!r.origin().isEmpty()) {
        sb.append("      mapped from ").append(r.origin()).append('\n');
      }
      for (String k : r.keys()) {
        sb.append("      key ").append(k).append('\n');
      }
      sb.append("      metadata signature ").append(r.signedMetadata() ? "required" : "not published; every package"
          + " signature is checked").append('\n');
      if (!r.note().isEmpty()) {
        sb.append("      note: ").append(r.note()).append('\n');
      }
    }
    sb.append("\npackages (pinned specs, resolved with their dependencies for ").append(os.id()).append("):\n");
    packageSpecs.forEach((role, specs) -> sb.append("  ").append(role).append(": ").append(String.join(" ", specs))
        .append('\n'));
    sb.append("\nimages (").append(images.size()).append("):\n");
    for (CatalogImage i : images) {
      sb.append(String.format("  %-14s %s%n", i.role(), i.ref()));
    }
    sb.append("\ncluster: kubeadm registry ").append(cluster.kubeadmRegistry()).append(", pause ")
        .append(cluster.pause()).append(", etcd ").append(cluster.etcd()).append(", coredns ")
        .append(cluster.coredns()).append(", cni ").append(cluster.cni())
        .append(cluster.cniVersion().isEmpty() ? "" : " " + cluster.cniVersion()).append(", load balancer ")
        .append(cluster.loadBalancer()).append('\n');
    sb.append("\ntemplates (").append(templates.size()).append("): ").append(String.join(" ", templates))
        .append('\n');
    if (operator.hasAddons()) {
      sb.append("\nadd-ons (").append(operator.addons().size()).append(", applied in this order after the CNI):\n");
      for (AddonFile a : operator.addons()) {
        sb.append("  ").append(a.bundlePath()).append("  ").append(String.join(" ", a.images().stream()
            .map(r -> r.ref().toString()).distinct().toList())).append('\n');
      }
    }
    if (!notes.isEmpty()) {
      sb.append('\n');
      notes.forEach(n -> sb.append("note: ").append(n).append('\n'));
    }
    return sb.toString();
  }
}
