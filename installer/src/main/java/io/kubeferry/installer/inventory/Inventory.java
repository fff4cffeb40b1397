package io.kubeferry.installer.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated inventory: hosts in file order, cluster settings and the topology it was checked against. Build one
 * with {@link InventoryParser}; every cross-field rule has been checked by then. Immutable.
 */
public record Inventory(List<Host> hosts, ClusterSettings cluster, Topology topology) {
  public Inventory {
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(topology, "topology");
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("an inventory needs at least one host");
    }
  }

  /** Hosts with the role, in file order. */
  public List<Host> withRole(Role role) {
    return hosts.stream().filter(h -> h.has(role)).toList();
  }

  /** The host named {@code name}. */
  public Optional<Host> host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The registry host: the one with the registry role (the parser defaults it to the first control plane). */
  public Host registry() {
    return withRole(Role.REGISTRY).get(0);
  }
}
