package io.kubeferry.installer.plan;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.ShellQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Completed steps, recorded on the host ({@code /var/lib/kubeferry/checkpoints/<step-id>} holding the input hash) and
 * locally ({@code <stateDir>/checkpoints/<host>/<step-id>}). The host's record decides whether a step is skipped:
 * a reinstalled host has none, so its steps run again even if the local record says done.
 */
final class Checkpoints {
  private final Optional<Path> stateDir;
  private final String remoteDir;

  Checkpoints(Optional<Path> stateDir, String remoteDir) {
    this.stateDir = stateDir;
    this.remoteDir = remoteDir;
  }

  /** Step id to input hash for everything recorded on the context's host, in one command. */
  Map<String, String> readRemote(StepContext ctx) throws StepException {
    CommandResult r = ctx.check(RemoteCommand.root("if [ -d " + remoteDir + " ]; then for f in " + remoteDir
        + "/*; do [ -f \"$f\" ] && printf '%s %s\\n' \"${f##*/}\" \"$(cat \"$f\")\"; done; fi; true")
        .withLabel("read checkpoints"));
    Map<String, String> out = new HashMap<>();
    for (String line : r.stdout().split("\n")) {
      String[] parts = line.strip().split(" ", 2);
      if (parts.length == 2) {
        out.put(parts[0], parts[1]);
      }
    }
    return out;
  }

  void record(StepContext ctx, Step step) throws StepException {
    String file = remoteDir + "/" + step.id();
    ctx.check(RemoteCommand.root("mkdir -p " + remoteDir + " && printf '%s\\n' " + ShellQuote.quote(step.inputHash())
        + " > " + file + ".tmp && mv -f " + file + ".tmp " + file).withLabel("checkpoint " + step.id()));
    if (stateDir.isPresent()) {
      writeLocal(stateDir.get().resolve("checkpoints").resolve(ctx.requireHost().name()).resolve(step.id()),
          step.inputHash());
    }
  }

  private static void writeLocal(Path file, String hash) throws StepException {
    try {
      AtomicFiles.write(file, (hash + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StepException("could not record checkpoint " + file + ": " + e.getMessage(), e);
    }
  }
}
