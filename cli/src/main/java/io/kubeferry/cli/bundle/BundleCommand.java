package io.kubeferry.cli.bundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubeferry bundle}: build, verify and inspect bundles. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = "Build, verify and inspect air-gap bundles.",
    subcommands = {BundleImagesCommand.class, BundleLockCommand.class, BundleVerifyCommand.class, BundleInspectCommand.class})
public final class BundleCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
