package io.kubeferry.installer.host;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The machine for each inventory host: over SSH through the shared executor, or this machine itself for the host
 * with {@code connection: local}. One instance per host name; {@link #close()} closes the local one's log.
 * Thread-safe.
 */
public final class Machines implements AutoCloseable {
  private final SshExecutor ssh;
  private final Map<String, Machine> machines = new ConcurrentHashMap<>();

  public Machines(SshExecutor ssh) {
    this.ssh = ssh;
  }

  public Machine get(Host host) {
    return machines.computeIfAbsent(host.name(), n -> host.local()
        ? new LocalMachine(n, ssh.options())
        : new SshMachine(ssh, SshTarget.of(host)));
  }

  @Override
  public void close() {
    machines.values().forEach(m -> {
      if (m instanceof LocalMachine l) {
        l.close();
      }
    });
  }
}
