package io.kubeferry.installer.plan;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.installer.host.HostException;
import io.kubeferry.installer.host.Machine;
import io.kubeferry.installer.host.Script;
import io.kubeferry.installer.ssh.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Completed steps. A host step is recorded on the host ({@code <remoteDir>/<step-id>} holding the input hash) and
 * mirrored locally ({@code <stateDir>/checkpoints/<host>/<step-id>}); the host's record decides whether it is
 * skipped, so a reinstalled host runs everything again. A local step is recorded in
 * {@code <stateDir>/checkpoints/@local/<step-id>} ({@code @} cannot start a hostname, so no host's mirror can
 * collide with it). Records are written only after the step's work finished, atomically.
 */
final class Checkpoints {
  static final String LOCAL = "@local";
  private static final Script READ = Script.named("read-checkpoints");

  private final Path stateDir;
  private final String remoteDir;

  Checkpoints(Path stateDir, String remoteDir) {
    this.stateDir = stateDir;
    this.remoteDir = remoteDir;
  }

  /** Step id to input hash for everything recorded on {@code m}, in one command. */
  Map<String, String> readRemote(Machine m) throws HostException {
    CommandResult r = m.check(READ.root(remoteDir).withLabel("read checkpoints"));
    Map<String, String> out = new HashMap<>();
    for (String line : r.stdout().split("\n")) {
      String[] parts = line.strip().split(" ", 2);
      if (parts.length == 2) {
        out.put(parts[0], parts[1]);
      }
    }
    return out;
  }

  /** Step id to input hash of the local steps recorded in the state directory. */
  Map<String, String> readLocal() throws StepException {
    Path dir = stateDir.resolve("checkpoints").resolve(LOCAL);
    Map<String, String> out = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .toList()) {
        out.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new StepException(StepException.Kind.HOST, "could not read checkpoints in " + dir + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  void recordRemote(Machine m, Step step) throws HostException, StepException {
    m.write(step.inputHash() + "\n", remoteDir + "/" + step.id(), "0644");
    writeLocal(m.name(), step);
  }

  void recordLocal(Step step) throws StepException {
    writeLocal(LOCAL, step);
  }

  private void writeLocal(String owner, Step step) throws StepException {
    Path file = stateDir.resolve("checkpoints").resolve(owner).resolve(step.id());
    try {
      AtomicFiles.write(file, (step.inputHash() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StepException(StepException.Kind.HOST, "could not record checkpoint " + file + ": "
          + e.getMessage(), e);
    }
  }
}
