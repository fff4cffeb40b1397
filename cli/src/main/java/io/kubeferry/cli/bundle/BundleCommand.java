package io.kubeferry.cli.bundle;

import picocli.CommandLine.Command;

/** {@code kubeferry bundle}: a plain parent; each bundle step is a subcommand registered in this list. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = "Build, verify and inspect air-gap bundles.",
    subcommands = {BundleBuildCommand.class, BundleImagesCommand.class, BundleLockCommand.class,
        BundleVerifyCommand.class,
        BundleInspectCommand.class})
public final class BundleCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
