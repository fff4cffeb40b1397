package io.kubeferry.core.bundle;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an explicitly installed package set is for. The installer installs exactly the NEVRAs the bundle lists for
 * the roles a host needs (dependencies come from the same repository).
 */
public enum PackageRole {
  /** kubeadm, kubelet, kubectl, kubernetes-cni, cri-tools and their helpers: every node. */
  KUBERNETES,
  /** docker-ce with its CLI and containerd.io: nodes whose runtime is docker (Kubernetes up to 1.23). */
  RUNTIME_DOCKER,
  /** containerd.io alone: nodes whose runtime is containerd. */
  RUNTIME_CONTAINERD,
  /** Packages the operator added with {@code --rpm}: every node. */
  EXTRA;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PackageRole parse(String key) {
    return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown package role '" + key + "' (known: "
            + String.join(", ", Arrays.stream(values()).map(PackageRole::key).toList()) + ")"));
  }

  @Override
  public String toString() {
    return key();
  }
}
