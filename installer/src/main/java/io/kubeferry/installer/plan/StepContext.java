package io.kubeferry.installer.plan;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshException;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshTarget;
import java.util.Optional;

/**
 * What a running step may use: the host it runs on (empty for local steps), the SSH executor and the run's shared
 * state. Helper methods turn SSH failures into {@link StepException}s that name the host.
 */
public record StepContext(Optional<Host> host, SshExecutor ssh, RunState state) {

  public Host requireHost() {
    return host.orElseThrow(() -> new IllegalStateException("a local step asked for a host"));
  }

  public SshTarget target() {
    return SshTarget.of(requireHost());
  }

  /** Runs a command as root; a non-zero exit becomes a StepException. */
  public CommandResult root(String script) throws StepException {
    return check(RemoteCommand.root(script));
  }

  /** Runs a command; a non-zero exit becomes a StepException. */
  public CommandResult check(RemoteCommand c) throws StepException {
    try {
      return ssh.check(target(), c);
    } catch (SshException e) {
      throw new StepException(e.getMessage(), e);
    }
  }

  /** Runs a command and returns its result whatever the exit status. */
  public CommandResult run(RemoteCommand c) throws StepException {
    try {
      return ssh.run(target(), c);
    } catch (SshException e) {
      throw new StepException(e.getMessage(), e);
    }
  }
}
