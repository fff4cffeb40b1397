package io.kubeferry.installer.host;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshException;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshTarget;
import io.kubeferry.installer.ssh.UploadResult;
import java.nio.file.Path;

/**
 * A machine reached over SSH: everything goes through the shared {@link SshExecutor} (strict host keys, one
 * connection per host, the sudo check, redacted logs), and its failures become {@link HostException}s of a kind.
 */
public final class SshMachine implements Machine {
  private final SshExecutor ssh;
  private final SshTarget target;

  public SshMachine(SshExecutor ssh, SshTarget target) {
    this.ssh = ssh;
    this.target = target;
  }

  @Override
  public String name() {
    return target.name();
  }

  @Override
  public CommandResult run(RemoteCommand c) throws HostException {
    try {
      return ssh.run(target, c);
    } catch (SshException e) {
      throw translate(e);
    }
  }

  @Override
  public UploadResult upload(Path local, Digest digest, String remotePath) throws HostException {
    try {
      return ssh.upload(target, local, digest, remotePath);
    } catch (SshException e) {
      throw translate(e);
    }
  }

  static HostException translate(SshException e) {
    HostException.Kind kind = switch (e.kind()) {
      case TIMEOUT -> HostException.Kind.TIMEOUT;
      case INTERRUPTED -> HostException.Kind.CANCELLED;
      case COMMAND_FAILED -> HostException.Kind.COMMAND_FAILED;
      case TRANSFER -> HostException.Kind.TRANSFER;
      default -> HostException.Kind.ACCESS;
    };
    return new HostException(kind, e.getMessage(), e);
  }

  @Override
  public String toString() {
    return name() + " (" + target.endpoint() + ")";
  }
}
