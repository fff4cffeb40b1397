package io.kubeferry.bundler.image;

import java.util.Objects;

/**
 * Which optional parts of the image set to include.
 *
 * @param cni {@code calico}, {@code flannel}, {@code weave} or {@code none}
 * @param loadBalancer {@code haproxy-keepalived}, {@code kube-vip} or {@code none}
 * @param includeRegistry whether to carry the in-datacenter registry image
 */
public record ImageSetOptions(String cni, String loadBalancer, boolean includeRegistry) {
  public ImageSetOptions {
    Objects.requireNonNull(cni, "cni");
    Objects.requireNonNull(loadBalancer, "loadBalancer");
  }

  /** Calico, haproxy + keepalived, and the registry image: what an HA bundle carries by default. */
  public static ImageSetOptions defaults() {
    return new ImageSetOptions("calico", "haproxy-keepalived", true);
  }

  /** Only what kubeadm itself lists. */
  public static ImageSetOptions kubeadmOnly() {
    return new ImageSetOptions("none", "none", false);
  }
}
