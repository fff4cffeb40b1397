package io.kubeferry.core.template;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import java.util.ArrayList;
import java.util.List;

/**
 * Which Kubernetes manifests under {@code manifests/} a cluster applies, by the bundle's components: its CNI's
 * upstream manifest and the load balancer's static pods. These are the files whose images must be in the bundle.
 * Paths are relative to {@code manifests/}. Stateless.
 */
public final class ClusterManifests {
  /** keepalived as a static pod (kubeadm's ha-considerations). */
  public static final String KEEPALIVED_POD = "ha/keepalived.yaml";
  /** haproxy as a static pod, listening on 8443 on each control plane. */
  public static final String HAPROXY_POD = "ha/haproxy.yaml";
  /** kube-vip as a static pod; a template (VIP, interface, kubeconfig). */
  public static final String KUBE_VIP_POD = "kube-vip/kube-vip.yaml.tmpl";

  private ClusterManifests() {}

  /**
   * The static pods of load balancer {@code kind} ({@code haproxy-keepalived}, {@code kube-vip}, {@code none}).
   *
   * @throws ManifestException for another kind
   */
  public static List<String> loadBalancerPods(String kind) throws ManifestException {
    return switch (kind) {
      case "haproxy-keepalived" -> List.of(HAPROXY_POD, KEEPALIVED_POD);
      case "kube-vip" -> List.of(KUBE_VIP_POD);
      case "none" -> List.of();
      default -> throw new ManifestException("ha", 0, "", "could not select the load balancer manifests: unknown "
          + "load balancer '" + kind + "' (known: haproxy-keepalived, kube-vip, none)");
    };
  }

  /**
   * Every image-bearing manifest the cluster applies: the CNI's (if any) first, then the load balancer's.
   *
   * @param upstream the CNI table ({@code cni/origins.yaml}); may be null when the cluster has no CNI
   *
   * @throws ManifestException when the CNI release has no shipped manifest for the version's minor, or the load
   *     balancer is unknown
   */
  public static List<String> imageBearing(UpstreamManifests upstream, KubernetesVersion version,
      ClusterComponents components) throws ManifestException {
    List<String> paths = new ArrayList<>();
    if (!components.cni().equals("none")) {
      paths.add(UpstreamManifests.DIR + "/"
          + upstream.forCni(components.cni(), components.cniVersion(), version).file().path());
    }
    paths.addAll(loadBalancerPods(components.loadBalancer()));
    return paths;
  }
}
