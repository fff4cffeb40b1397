package io.kubeferry.installer.inventory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach a host over SSH: user, port and private key file. Agent authentication is rejected at parse time
 * (sshj 0.40 has no agent support yet), so {@code key} is always set.
 */
public record SshSettings(String user, int port, Path key) {
  public SshSettings {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(key, "key");
    if (user.isBlank()) {
      throw new IllegalArgumentException("ssh user must not be blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("ssh port " + port + " is out of range 1-65535");
    }
  }

  /** True when commands need sudo to act as root. */
  public boolean root() {
    return user.equals("root");
  }
}
