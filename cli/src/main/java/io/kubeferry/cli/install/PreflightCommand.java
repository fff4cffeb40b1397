package io.kubeferry.cli.install;

import io.kubeferry.installer.InstallPhases;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubeferry preflight}: verify the bundle and check every host, changing nothing. */
@Command(name = "preflight", mixinStandardHelpOptions = true,
    description = "Check every host against the bundle and each other (read-only); one report for all hosts.")
public final class PreflightCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(names = {"-v", "--verbose"}, description = "Show every host's command output (prefixed [host]).")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    try {
      return InstallRun.execute(spec, target, EnumSet.of(InstallPhases.VERIFY, InstallPhases.PREFLIGHT), false,
          verbose, null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
