package io.kubeferry.core.bundle;

import io.kubeferry.core.Nevra;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed root of trust of a bundle ({@link BundleLayout#MANIFEST}) and the contract between bundler and installer:
 * what the bundle is for, everything the bundler decided that the installer needs (docs/adr/0008-bundle-contract.md),
 * and the sha256 of every other file in it. Lists are kept sorted so serialisation is stable. Immutable.
 *
 * @param apiVersion format version, {@link BundleLayout#API_VERSION} when written by this code
 * @param kind always {@link BundleLayout#KIND}
 * @param kubernetesVersion e.g. {@code 1.23.1}
 * @param os the target OS profile the packages were resolved for, e.g. {@code el7}
 * @param arch the target architecture, e.g. {@code amd64}
 * @param signer fingerprint of the key that signed the bundle (informational; trust comes from the operator)
 * @param cluster kubeadm's registry and component tags for the version, CNI and load-balancer choices; null only
 *     in format v1
 * @param packages the packages the installer installs by name, per role, as resolved (every one is in
 *     {@code rpms}); empty only in format v1
 * @param sources the repositories the packages came from (audit)
 * @param images images in {@link BundleLayout#IMAGES}, sorted by ref
 * @param rpms every package file in {@link BundleLayout#REPO} (the full closure), sorted by path
 * @param templates files under {@link BundleLayout#MANIFESTS} with the images they reference, sorted by path
 * @param addons the operator's add-on manifests under {@link BundleLayout#ADDONS} with the images they reference,
 *     sorted by path (the order they are applied in); empty when none were given
 * @param base for a delta, the bundle it was built on (files it holds are marked {@link FileEntry#fromBase}); null
 *     for a whole bundle
 * @param files every file except the manifest and its signature, sorted by path, unique
 */
public record BundleManifest(
    String apiVersion,
    String kind,
    String kubernetesVersion,
    String os,
    String arch,
    String signer,
    ClusterComponents cluster,
    Map<PackageRole, List<Nevra>> packages,
    List<SourceEntry> sources,
    List<ImageEntry> images,
    List<RpmEntry> rpms,
    List<TemplateEntry> templates,
    List<TemplateEntry> addons,
    BaseBundle base,
    List<FileEntry> files) {

  /** A whole bundle without add-ons. */
  public BundleManifest(String apiVersion, String kind, String kubernetesVersion, String os, String arch,
      String signer, ClusterComponents cluster, Map<PackageRole, List<Nevra>> packages, List<SourceEntry> sources,
      List<ImageEntry> images, List<RpmEntry> rpms, List<TemplateEntry> templates, List<FileEntry> files) {
    this(apiVersion, kind, kubernetesVersion, os, arch, signer, cluster, packages, sources, images, rpms, templates,
        List.of(), null, files);
  }

  public BundleManifest {
    Objects.requireNonNull(apiVersion, "apiVersion");
    if (!BundleLayout.KIND.equals(kind)) {
      throw new IllegalArgumentException("kind must be " + BundleLayout.KIND + ", got '" + kind + "'");
    }
    if (kubernetesVersion == null || !kubernetesVersion.matches("\\d+\\.\\d+\\.\\d+([-+.][0-9A-Za-z.-]+)?")) {
      throw new IllegalArgumentException("invalid Kubernetes version '" + kubernetesVersion + "' (expected 1.23.1)");
    }
    if (os == null || !os.matches("[a-z][a-z0-9.]*(-[a-z0-9.]+)*")) {
      throw new IllegalArgumentException("invalid OS profile '" + os + "' (expected e.g. el7, kylin-v10)");
    }
    if (arch == null || !arch.matches("[a-z0-9]+")) {
      throw new IllegalArgumentException("invalid architecture '" + arch + "' (expected amd64 or arm64)");
    }
    Map<PackageRole, List<Nevra>> pk = new EnumMap<>(PackageRole.class);
    packages.forEach((role, list) -> pk.put(role, List.copyOf(list.stream().sorted(Comparator.comparing(
        Nevra::toString)).toList())));
    packages = Collections.unmodifiableMap(pk);
    sources = List.copyOf(sources.stream().sorted(Comparator.comparing(SourceEntry::id)).toList());
    images = List.copyOf(images.stream().sorted(Comparator.comparing(ImageEntry::ref)).toList());
    rpms = List.copyOf(rpms.stream().sorted(Comparator.comparing(RpmEntry::path)).toList());
    templates = List.copyOf(templates.stream().sorted(Comparator.comparing(TemplateEntry::path)).toList());
    addons = List.copyOf(addons.stream().sorted(Comparator.comparing(TemplateEntry::path)).toList());
    files = List.copyOf(files.stream().sorted(Comparator.comparing(FileEntry::path)).toList());
    Set<String> seen = new HashSet<>();
    for (FileEntry f : files) {
      if (!seen.add(f.path())) {
        throw new IllegalArgumentException("file " + f.path() + " is listed twice");
      }
      if (f.path().equals(BundleLayout.MANIFEST) || f.path().equals(BundleLayout.MANIFEST_SIGNATURE)) {
        throw new IllegalArgumentException("the manifest cannot list " + f.path());
      }
    }
    Map<String, FileEntry> byPath = new java.util.HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    for (RpmEntry r : rpms) {
      FileEntry f = byPath.get(r.path());
      if (f == null) {
        throw new IllegalArgumentException("RPM " + r.nevra() + " at " + r.path() + " is not in the file list");
      }
      if (!f.sha256().equals(r.sha256()) || f.size() != r.size()) {
        throw new IllegalArgumentException("RPM " + r.nevra() + " at " + r.path() + " disagrees with the file list"
            + " (sha256 or size)");
      }
    }
    for (TemplateEntry t : templates) {
      if (!seen.contains(t.path()) || !t.path().startsWith(BundleLayout.MANIFESTS)) {
        throw new IllegalArgumentException("template " + t.path() + " is not in the file list under "
            + BundleLayout.MANIFESTS);
      }
    }
    for (TemplateEntry a : addons) {
      if (!seen.contains(a.path()) || !a.path().startsWith(BundleLayout.ADDONS)) {
        throw new IllegalArgumentException("add-on " + a.path() + " is not in the file list under "
            + BundleLayout.ADDONS);
      }
    }
    if (base == null) {
      files.stream().filter(FileEntry::fromBase).findFirst().ifPresent(f -> {
        throw new IllegalArgumentException("file " + f.path() + " is marked as held by a base bundle, but the"
            + " manifest names no base");
      });
    }
    Set<Nevra> bundled = rpms.stream().map(RpmEntry::nevra).collect(Collectors.toSet());
    for (Map.Entry<PackageRole, List<Nevra>> e : packages.entrySet()) {
      for (Nevra n : e.getValue()) {
        if (!bundled.contains(n)) {
          throw new IllegalArgumentException("package " + n + " (role " + e.getKey() + ") is not among the RPMs");
        }
      }
    }
    Set<String> refs = new HashSet<>();
    for (ImageEntry i : images) {
      if (!refs.add(i.ref())) {
        throw new IllegalArgumentException("image " + i.ref() + " is listed twice");
      }
      if (!seen.contains(BundleLayout.imageBlob(i.digest()))) {
        throw new IllegalArgumentException("image " + i.ref() + " has no " + BundleLayout.imageBlob(i.digest())
            + " in the file list");
      }
    }
    if (!BundleLayout.API_VERSION_V1.equals(apiVersion)) { // the field is not set yet: legacy() would read null
      if (cluster == null) {
        throw new IllegalArgumentException("a " + apiVersion + " manifest needs the cluster components");
      }
      for (ImageEntry i : images) {
        if (i.role() == null) {
          throw new IllegalArgumentException("image " + i.ref() + " has no role");
        }
      }
    }
  }

  /** True for a delta: usable only with the {@link #base} bundle, which holds the files marked as its own. */
  public boolean delta() {
    return base != null;
  }

  /** The files a delta leaves to its base (none for a whole bundle). */
  public List<FileEntry> filesFromBase() {
    return files.stream().filter(FileEntry::fromBase).toList();
  }

  /** True for a format v1 manifest, which predates the contract fields (readable, not installable). */
  public boolean legacy() {
    return BundleLayout.API_VERSION_V1.equals(apiVersion);
  }

  /** A new map from path to entry (callers keep it; the record does not cache). */
  public Map<String, FileEntry> filesByPath() {
    Map<String, FileEntry> map = new LinkedHashMap<>();
    files.forEach(f -> map.put(f.path(), f));
    return map;
  }

  /** Sum of all listed file sizes. */
  public long totalSize() {
    return files.stream().mapToLong(FileEntry::size).sum();
  }

  /** The images of one role, in ref order. */
  public List<ImageEntry> images(ImageRole role) {
    return images.stream().filter(i -> i.role() == role).toList();
  }

  /** The image with this canonical reference. */
  public Optional<ImageEntry> image(String ref) {
    return images.stream().filter(i -> i.ref().equals(ref)).findFirst();
  }

  /** The packages of one role (empty when the bundle carries none). */
  public List<Nevra> packages(PackageRole role) {
    return packages.getOrDefault(role, List.of());
  }

  /** The Kubernetes minor, e.g. 23 for 1.23.1. */
  public int minor() {
    return Integer.parseInt(kubernetesVersion.split("\\.")[1]);
  }
}
