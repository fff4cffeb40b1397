package io.kubeferry.cli.install;

import io.kubeferry.installer.InstallPhases;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubeferry install}: verify the bundle, then drive every host over SSH through the chosen phases. */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = "Install a cluster from a verified bundle over SSH (phases available now: verify,preflight,prepare).")
public final class InstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(names = "--phases", paramLabel = "LIST",
      description = "Comma-separated phases to run: verify,preflight,prepare.")
  String phases;

  @Option(names = "--dry-run", description = "Print the plan; touch no host.")
  boolean dryRun;

  @Option(names = {"-v", "--verbose"}, description = "Show every host's command output (prefixed [host]).")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    String note = phases != null ? null : "kubeferry: note: running every phase implemented so far ("
        + InstallPhases.available() + "); the " + String.join(", ", InstallPhases.LATER) + " phases are not"
        + " implemented yet, so this install ends with the hosts prepared";
    try {
      return InstallRun.execute(spec, target, InstallPhases.parse(phases == null ? InstallPhases.available()
          : phases), dryRun, verbose, note);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
