package io.kubeferry.installer.inventory;

import java.util.Arrays;
import java.util.Optional;

/** What a host does in the cluster. The YAML spelling is {@link #key()}. */
public enum Role {
  ETCD("etcd"),
  CONTROL_PLANE("control-plane"),
  WORKER("worker"),
  REGISTRY("registry");

  private final String key;

  Role(String key) {
    this.key = key;
  }

  /** The inventory spelling, e.g. {@code control-plane}. */
  public String key() {
    return key;
  }

  /** The role spelled {@code key} in an inventory, if any. */
  public static Optional<Role> fromKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return key;
  }
}
