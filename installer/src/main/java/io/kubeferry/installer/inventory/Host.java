package io.kubeferry.installer.inventory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One target machine: its inventory name (which is also the hostname it must report), its address (what the
 * cluster uses; what SSH dials), the SSH settings (empty for the host the installer runs on,
 * {@code connection: local}), whether commands go through {@code sudo -n}, and its roles.
 */
public record Host(String name, String address, Optional<SshSettings> sshSettings, boolean sudo, Set<Role> roles) {
  public Host {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(sshSettings, "sshSettings");
    roles = Set.copyOf(roles);
    if (name.isBlank() || address.isBlank()) {
      throw new IllegalArgumentException("host name and address must not be blank");
    }
  }

  /** A host reached over SSH. */
  public Host(String name, String address, SshSettings ssh, boolean sudo, Set<Role> roles) {
    this(name, address, Optional.of(ssh), sudo, roles);
  }

  /** The host the installer runs on ({@code connection: local}); root commands use sudo unless it runs as root. */
  public static Host local(String name, String address, Set<Role> roles) {
    return new Host(name, address, Optional.empty(), false, roles);
  }

  /** True for the host the installer runs on: no SSH, commands are local processes. */
  public boolean local() {
    return sshSettings.isEmpty();
  }

  /** The SSH settings of a remote host; asking a local host is a bug. */
  public SshSettings ssh() {
    return sshSettings.orElseThrow(() -> new IllegalStateException(name + " is the local host (connection: local);"
        + " it has no SSH settings"));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Same host with other roles. */
  public Host withRoles(Set<Role> r) {
    return new Host(name, address, sshSettings, sudo, r);
  }

  /** How the host is reached, for messages: {@code user@address:port} or {@code local}. */
  public String endpoint() {
    return local() ? "local" : ssh().user() + "@" + address + ":" + ssh().port();
  }

  @Override
  public String toString() {
    return name + " (" + endpoint() + ")";
  }
}
