package io.kubeferry.core.bundle;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why an image is in a bundle. The first four are kubeadm's own images: they are pulled through kubeadm's
 * {@code imageRepository}, so their in-datacenter names follow kubeadm's rules ({@link ImageNaming}); every other
 * role keeps its upstream path.
 */
public enum ImageRole {
  CONTROL_PLANE, PAUSE, ETCD, COREDNS, CNI, LOAD_BALANCER, REGISTRY, ADDON;

  /** The manifest spelling: {@code control-plane}, {@code load-balancer}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the images kubeadm pulls through {@code imageRepository}. */
  public boolean kubeadm() {
    return this == CONTROL_PLANE || this == PAUSE || this == ETCD || this == COREDNS;
  }

  /** Parses {@link #key()}; throws naming the accepted spellings. */
  public static ImageRole parse(String key) {
    return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown image role '" + key + "' (known: "
            + String.join(", ", Arrays.stream(values()).map(ImageRole::key).toList()) + ")"));
  }

  @Override
  public String toString() {
    return key();
  }
}
