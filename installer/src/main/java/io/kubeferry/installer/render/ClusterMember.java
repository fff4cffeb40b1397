package io.kubeferry.installer.render;

import java.util.Objects;

/** A control plane or external etcd member as other hosts see it: its inventory name and address. */
public record ClusterMember(String name, String address) {
  public ClusterMember {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
  }
}
