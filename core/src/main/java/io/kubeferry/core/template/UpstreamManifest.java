package io.kubeferry.core.template;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import java.util.Map;
import java.util.Objects;

/**
 * An unmodified upstream CNI manifest in {@code manifests/cni/} and how kubeferry applies it.
 *
 * @param file the copy and its origin
 * @param cni {@code calico}, {@code flannel} or {@code weave}
 * @param version the CNI release, spelled as the image catalog spells it ({@code v3.24.6}, {@code 2.8.1})
 * @param fromMinor first Kubernetes minor it is applied to, e.g. {@code 1.22}
 * @param toMinor last Kubernetes minor it is applied to
 * @param licence path under {@code manifests/cni/} of the licence file that covers it
 * @param imageTags tags written in the file mapped to the tags the bundle carries (Weave's {@code latest})
 * @param podSubnet how the inventory's pod subnet is applied
 */
public record UpstreamManifest(UpstreamFile file, String cni, String version, String fromMinor, String toMinor,
    String licence, Map<String, String> imageTags, PodSubnetRule podSubnet) {
  public UpstreamManifest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(cni, "cni");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(podSubnet, "podSubnet");
    imageTags = Map.copyOf(imageTags);
    minor(fromMinor);
    minor(toMinor);
  }

  /** Whether kubeferry applies this manifest to clusters of {@code version}'s minor. */
  public boolean supports(KubernetesVersion v) {
    int[] from = minor(fromMinor);
    int[] to = minor(toMinor);
    int m = v.major() * 1000 + v.minor();
    return m >= from[0] * 1000 + from[1] && m <= to[0] * 1000 + to[1];
  }

  /** {@code ref} with a tag this file writes replaced by the tag the bundle carries ({@link #imageTags}). */
  public ImageRef bundled(ImageRef ref) {
    String tag = ref.tag() == null ? null : imageTags.get(ref.tag());
    return tag == null ? ref : new ImageRef(ref.registry(), ref.repository(), tag, ref.digest());
  }

  private static int[] minor(String text) {
    if (text == null || !text.matches("\\d+\\.\\d+")) {
      throw new IllegalArgumentException("invalid Kubernetes minor '" + text + "' (expected 1.23)");
    }
    String[] p = text.split("\\.");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }
}
