package io.kubeferry.cli.rpm;

import picocli.CommandLine.Command;

/** {@code kubeferry rpm}: RPM closure and yum repository tools for air-gapped users. */
@Command(
    name = "rpm",
    mixinStandardHelpOptions = true,
    description = "Resolve RPM dependency closures from yum repositories.",
    subcommands = {RpmResolveCommand.class})
public final class RpmCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
