package io.kubeferry.installer.render;

import io.kubeferry.core.KubernetesVersion;

/** The kubeadm configuration API a Kubernetes version reads, and its template. */
public enum KubeadmApi {
  /** Kubernetes 1.20 and 1.21 (v1beta3 arrived in 1.22). */
  V1BETA2,
  /** Kubernetes 1.22 to 1.30. */
  V1BETA3,
  /** Kubernetes 1.31 on: extraArgs are name/value lists. */
  V1BETA4;

  public static KubeadmApi forVersion(KubernetesVersion v) {
    if (v.major() != 1 || v.minor() < 20) {
      throw new IllegalArgumentException("kubeferry renders kubeadm configurations for Kubernetes 1.20 on, not " + v);
    }
    return v.minor() < 22 ? V1BETA2 : v.minor() < 31 ? V1BETA3 : V1BETA4;
  }

  /** {@code kubeadm.k8s.io/v1beta3}. */
  public String apiVersion() {
    return "kubeadm.k8s.io/" + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The template under {@code manifests/}. */
  public String template() {
    return "kubeadm/" + name().toLowerCase(java.util.Locale.ROOT) + ".yaml.tmpl";
  }
}
