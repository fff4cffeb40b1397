package io.kubeferry.installer.inventory;

import java.util.Objects;
import java.util.Set;

/**
 * One target machine: its inventory name (which is also the hostname it must report), the address to connect to,
 * the SSH settings, whether commands go through {@code sudo -n}, and its roles.
 */
public record Host(String name, String address, SshSettings ssh, boolean sudo, Set<Role> roles) {
  public Host {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(ssh, "ssh");
    roles = Set.copyOf(roles);
    if (name.isBlank() || address.isBlank()) {
      throw new IllegalArgumentException("host name and address must not be blank");
    }
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return name + " (" + ssh.user() + "@" + address + ":" + ssh.port() + ")";
  }
}
