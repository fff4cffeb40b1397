package io.kubeferry.installer.host;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.UploadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One target machine as the steps see it, however it is reached: over SSH ({@link SshMachine}), directly because
 * the installer runs on it ({@link LocalMachine}, {@code connection: local}), or a model in tests. Named
 * "machine" because {@code inventory.Host} is the inventory's description of it. Implementations are thread-safe.
 */
public interface Machine {
  Script WRITE_FILE = Script.named("write-file");
  Script READ_FILE = Script.named("read-file");

  /** The inventory name, for messages and logs. */
  String name();

  /** Runs {@code c} and returns its result whatever the exit status. */
  CommandResult run(RemoteCommand c) throws HostException;

  /**
   * Copies {@code local} to {@code remotePath} as the login user (missing directories are created) and checks its
   * {@code digest} on the far side; resumes an interrupted copy and skips a file already there.
   */
  UploadResult upload(Path local, Digest digest, String remotePath) throws HostException;

  /** Runs {@code c}; a non-zero exit status becomes a {@link HostException} naming the host and the command. */
  default CommandResult check(RemoteCommand c) throws HostException {
    CommandResult r = run(c);
    if (!r.ok()) {
      throw new HostException(HostException.Kind.COMMAND_FAILED, "could not run '" + r.command() + "' on "
          + name() + ": exit status " + r.exitStatus() + ": " + r.lastErrorLine());
    }
    return r;
  }

  /**
   * Makes {@code path} hold exactly {@code content} with {@code mode} (octal, e.g. {@code 0644}), as root: written
   * beside it with owner-only permissions and renamed into place, and only when it differs, so an unchanged file
   * keeps its mtime. The content travels on stdin, never in argv. True when the file was created or changed.
   */
  default boolean write(byte[] content, String path, String mode) throws HostException {
    CommandResult r = check(WRITE_FILE.root(path, mode).withStdin(content).withLabel("write " + path));
    return r.stdout().strip().equals("changed");
  }

  /** The text of {@code path} (read as root), or empty when there is no such file. */
  default Optional<String> read(String path) throws HostException {
    CommandResult r = run(READ_FILE.root(path).withLabel("read " + path));
    if (r.exitStatus() == 3) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw new HostException(HostException.Kind.COMMAND_FAILED, "could not read " + path + " on " + name()
          + ": exit status " + r.exitStatus() + ": " + r.lastErrorLine());
    }
    return Optional.of(r.stdout());
  }

  /** {@link #write(byte[], String, String)} for text. */
  default boolean write(String content, String path, String mode) throws HostException {
    return write(content.getBytes(StandardCharsets.UTF_8), path, mode);
  }
}
