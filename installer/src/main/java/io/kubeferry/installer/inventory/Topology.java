package io.kubeferry.installer.inventory;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The cluster shapes kubeferry installs. The CLI spelling is {@link #key()}. */
public enum Topology {
  /** One control plane with stacked etcd. */
  SINGLE("single"),
  /** Several control planes, each running an etcd member. */
  HA_STACKED("ha-stacked"),
  /** Several control planes and a separate odd-sized etcd cluster. */
  HA_EXTERNAL_ETCD("ha-external-etcd");

  private final String key;

  Topology(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** True for the highly available shapes, which need a VIP or an external endpoint. */
  public boolean highlyAvailable() {
    return this != SINGLE;
  }

  /** Parses the CLI spelling; the message lists the valid ones. */
  public static Topology parse(String key) {
    return Arrays.stream(values())
        .filter(t -> t.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown topology '" + key + "' (expected one of "
            + Arrays.stream(values()).map(Topology::key).collect(Collectors.joining(", ")) + ")"));
  }

  @Override
  public String toString() {
    return key;
  }
}
