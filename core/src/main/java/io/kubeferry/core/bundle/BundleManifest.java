package io.kubeferry.core.bundle;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The signed root of trust of a bundle ({@link BundleLayout#MANIFEST}): what it is for and the sha256 of every other
 * file in it. Lists are kept sorted so serialisation is stable. Immutable.
 *
 * @param apiVersion format version, {@link BundleLayout#API_VERSION} when written by this code
 * @param kind always {@link BundleLayout#KIND}
 * @param kubernetesVersion e.g. {@code 1.23.1}
 * @param osProfiles target OS profiles, e.g. {@code el7}
 * @param arches target architectures, e.g. {@code amd64}
 * @param signer fingerprint of the key that signed the bundle (informational; trust comes from {@code --key})
 * @param images images in {@link BundleLayout#IMAGES}, sorted by ref
 * @param rpms packages in {@link BundleLayout#REPO}, sorted by path
 * @param files every file except the manifest and its signature, sorted by path, unique
 */
public record BundleManifest(
    String apiVersion,
    String kind,
    String kubernetesVersion,
    List<String> osProfiles,
    List<String> arches,
    String signer,
    List<ImageEntry> images,
    List<RpmEntry> rpms,
    List<FileEntry> files) {

  public BundleManifest {
    Objects.requireNonNull(apiVersion, "apiVersion");
    if (!BundleLayout.KIND.equals(kind)) {
      throw new IllegalArgumentException("kind must be " + BundleLayout.KIND + ", got '" + kind + "'");
    }
    if (kubernetesVersion == null || !kubernetesVersion.matches("\\d+\\.\\d+\\.\\d+([-+.][0-9A-Za-z.-]+)?")) {
      throw new IllegalArgumentException("invalid Kubernetes version '" + kubernetesVersion + "' (expected 1.23.1)");
    }
    osProfiles = List.copyOf(osProfiles.stream().sorted().toList());
    arches = List.copyOf(arches.stream().sorted().toList());
    images = List.copyOf(images.stream().sorted(Comparator.comparing(ImageEntry::ref)).toList());
    rpms = List.copyOf(rpms.stream().sorted(Comparator.comparing(RpmEntry::path)).toList());
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
    for (RpmEntry r : rpms) {
      if (!seen.contains(r.path())) {
        throw new IllegalArgumentException("RPM " + r.nevra() + " at " + r.path() + " is not in the file list");
      }
    }
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
}
