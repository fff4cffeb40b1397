package io.kubeferry.core.bundle;

import java.util.Objects;

/**
 * What the bundler decided about the cluster for its Kubernetes version, so the installer never re-derives it:
 * kubeadm's default registry and component tags for that exact version, and the add-on choices the image set was
 * built for.
 *
 * @param kubeadmRegistry kubeadm's default image registry for the version ({@code k8s.gcr.io} or
 *     {@code registry.k8s.io}); the bundle's kubeadm images carry it in their upstream references
 * @param pause pause image tag, e.g. {@code 3.6}
 * @param etcd etcd image tag, e.g. {@code 3.5.1-0}
 * @param coredns CoreDNS image tag, e.g. {@code v1.8.6}
 * @param cni CNI carried: {@code calico}, {@code flannel}, {@code weave} or {@code none}
 * @param cniVersion the CNI release (e.g. {@code v3.24.6}); empty for {@code none}
 * @param loadBalancer control-plane load balancer carried: {@code haproxy-keepalived}, {@code kube-vip} or
 *     {@code none}
 */
public record ClusterComponents(String kubeadmRegistry, String pause, String etcd, String coredns, String cni,
    String cniVersion, String loadBalancer) {
  public ClusterComponents {
    Objects.requireNonNull(kubeadmRegistry, "kubeadmRegistry");
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(etcd, "etcd");
    Objects.requireNonNull(coredns, "coredns");
    Objects.requireNonNull(cni, "cni");
    cniVersion = cniVersion == null ? "" : cniVersion;
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    if (cni.equals("none") != cniVersion.isEmpty()) {
      throw new IllegalArgumentException("CNI '" + cni + "' needs a version exactly when it is not 'none'");
    }
  }
}
