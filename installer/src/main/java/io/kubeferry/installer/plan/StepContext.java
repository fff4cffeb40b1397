package io.kubeferry.installer.plan;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.host.HostException;
import io.kubeferry.installer.host.Machine;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.UploadResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running step may use: the inventory host it runs on and its {@link Machine} (both empty for local
 * steps), the run's in-memory {@link RunState} and the persistent {@link InstallState} with the step outputs.
 * The helpers turn host failures into {@link StepException}s of the right kind that name the host.
 */
public record StepContext(Optional<Host> host, Optional<Machine> machine, RunState state, InstallState install) {

  /** The context of a local step. */
  public static StepContext local(RunState state, InstallState install) {
    return new StepContext(Optional.empty(), Optional.empty(), state, install);
  }

  public Host requireHost() {
    return host.orElseThrow(() -> new IllegalStateException("a local step asked for a host"));
  }

  public Machine requireMachine() {
    return machine.orElseThrow(() -> new IllegalStateException("a local step asked for a machine"));
  }

  /** Runs a command as root; a non-zero exit becomes a StepException. */
  public CommandResult root(RemoteCommand c) throws StepException {
    return check(c.asRoot(true));
  }

  /** Runs a command; a non-zero exit becomes a StepException. */
  public CommandResult check(RemoteCommand c) throws StepException {
    return onMachine(m -> m.check(c));
  }

  /** Runs a command and returns its result whatever the exit status. */
  public CommandResult run(RemoteCommand c) throws StepException {
    return onMachine(m -> m.run(c));
  }

  /** Makes a file on the host hold {@code content} with {@code mode}; true when it changed. */
  public boolean write(String content, String path, String mode) throws StepException {
    return onMachine(m -> m.write(content, path, mode));
  }

  /** The text of a file on the host, or empty when it does not exist. */
  public Optional<String> read(String path) throws StepException {
    return onMachine(m -> m.read(path));
  }

  /** Copies a local file to the host, verified by digest, resumed if cut off. */
  public UploadResult upload(Path local, Digest digest, String remotePath) throws StepException {
    return onMachine(m -> m.upload(local, digest, remotePath));
  }

  /** One operation on this step's machine. */
  @FunctionalInterface
  private interface Operation<T> {
    T on(Machine m) throws HostException;
  }

  private <T> T onMachine(Operation<T> op) throws StepException {
    try {
      return op.on(requireMachine());
    } catch (HostException e) {
      throw StepException.of(e);
    }
  }

  /** Stores an output for later steps and runs (see {@link Step#produces()}). */
  public <T> void put(Output<T> o, T value) throws StepException {
    install.put(o, value);
  }

  /** An output an earlier step (of this run or an earlier one) stored; missing means the plan is wrong. */
  public <T> T output(Output<T> o) throws StepException {
    return install.get(o).orElseThrow(() -> new StepException(StepException.Kind.INTERNAL, "could not read output "
        + o.name() + ": no step has stored it in " + install.dir().resolve("outputs") + " (run the phase that"
        + " produces it first)"));
  }
}
