package io.kubeferry.installer.ssh;

import io.kubeferry.installer.inventory.Host;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to connect: {@code name} labels logs and messages, {@code address}/{@code port} are dialled,
 * {@code user} authenticates with the private key file {@code key}; {@code sudo} says root commands go through
 * {@code sudo -n}.
 */
public record SshTarget(String name, String address, int port, String user, Path key, boolean sudo) {
  public SshTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(key, "key");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
    }
  }

  /** The target for an inventory host. */
  public static SshTarget of(Host h) {
    return new SshTarget(h.name(), h.address(), h.ssh().port(), h.ssh().user(), h.ssh().key(), h.sudo());
  }

  /** {@code user@address:port}, for messages. */
  public String endpoint() {
    return user + "@" + address + ":" + port;
  }
}
