package io.kubeferry.installer.render;

import io.kubeferry.installer.inventory.Role;
import java.util.Objects;
import java.util.Set;

/**
 * One host's part in the files: its name, address, roles and what the installer found on it.
 *
 * @param name the inventory name, which is also the node name
 * @param address the address other hosts reach it at (kubeadm's advertise address, etcd's peer address)
 */
public record NodeModel(String name, String address, Set<Role> roles, NodeFacts facts) {
  public NodeModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(facts, "facts");
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
