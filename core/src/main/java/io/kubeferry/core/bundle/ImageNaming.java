package io.kubeferry.core.bundle;

import io.kubeferry.core.ImageRef;
import io.kubeferry.core.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The one function that decides where a bundled image lives in the datacenter's registry. Names are repository
 * paths with tag, relative to the registry location {@code host[:port][/prefix]} the install chooses:
 * <ul>
 *   <li>kubeadm's images (control plane, pause, etcd, CoreDNS) sit directly under the location, because kubeadm
 *       builds their names as {@code <imageRepository>/<name>:<tag>}. CoreDNS is the exception inside the
 *       exception: with a custom {@code imageRepository} kubeadm asks for the flat {@code <repo>/coredns:<tag>}, except
 *       in 1.21.0 and 1.21.1, which asked for {@code <repo>/coredns/coredns:<tag>} (fixed in 1.21.2);</li>
 *   <li>every other image keeps its upstream repository path ({@code docker.io/calico/node} becomes
 *       {@code calico/node}), so a containerd mirror that maps the upstream host onto the location resolves an
 *       unmodified upstream reference; an image referenced by digest alone keeps that digest instead of a tag.</li>
 * </ul>
 * For the same reason a kubeadm image whose upstream path differs from its kubeadm name (CoreDNS's
 * {@code coredns/coredns}) also gets its upstream path as a second name. Stateless.
 */
public final class ImageNaming {
  private ImageNaming() {}

  /**
   * Every name the image must be reachable at, primary first (the one manifests and kubeadm are pointed at).
   *
   * @param upstream the canonical upstream reference (with a tag)
   * @param role why the image is bundled
   * @param version the bundle's Kubernetes version (decides the CoreDNS path)
   */
  public static List<String> names(ImageRef upstream, ImageRole role, KubernetesVersion version) {
    if (upstream.tag() == null) {
      if (role.kubeadm()) {
        throw new IllegalArgumentException("image " + upstream + " has no tag: kubeadm asks for its images by tag");
      }
      // An operator's image pinned by digest alone: the unmodified reference pulls it by that digest.
      return List.of(upstream.repository() + "@" + upstream.digest());
    }
    String upstreamPath = upstream.repository() + ":" + upstream.tag();
    List<String> names = new ArrayList<>();
    if (role.kubeadm()) {
      names.add(kubeadmRepository(upstream, role, version) + ":" + upstream.tag());
    }
    if (!names.contains(upstreamPath)) {
      names.add(upstreamPath);
    }
    return List.copyOf(names);
  }

  /** The primary name (see {@link #names}). */
  public static String primary(ImageRef upstream, ImageRole role, KubernetesVersion version) {
    return names(upstream, role, version).get(0);
  }

  /** A name made absolute at a registry location: {@code 10.0.0.5:5000/k8s} + {@code pause:3.6}. */
  public static String at(String location, String name) {
    String loc = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    return loc + "/" + name;
  }

  private static String kubeadmRepository(ImageRef upstream, ImageRole role, KubernetesVersion v) {
    String path = upstream.repository();
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (role == ImageRole.COREDNS && v.major() == 1 && v.minor() == 21 && v.patch() <= 1) {
      return "coredns/coredns";
    }
    return last;
  }
}
