package io.kubeferry.cli.rpm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kubeferry rpm}: RPM repository tools for air-gapped users. */
@Command(
    name = "rpm",
    mixinStandardHelpOptions = true,
    description = "RPM repository tools (work without createrepo, Python or a target-OS container).",
    subcommands = {RpmIndexCommand.class, RpmResolveCommand.class})
public final class RpmCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
