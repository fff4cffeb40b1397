package io.kubeferry.cli.image;

import picocli.CommandLine.Command;

/** {@code kubeferry image}: parent of the image commands. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Work with container images.",
    subcommands = {ImageCopyCommand.class})
public final class ImageCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
