package io.kubeferry.cli;

import io.kubeferry.cli.bundle.BundleCommand;
import io.kubeferry.cli.image.ImageCommand;
import io.kubeferry.cli.install.InstallCommand;
import io.kubeferry.cli.install.PreflightCommand;
import io.kubeferry.cli.keygen.KeygenCommand;
import io.kubeferry.cli.rpm.RpmCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The root command. Subcommands are registered here once they work end to end. */
@Command(
    name = "kubeferry",
    mixinStandardHelpOptions = true,
    versionProvider = KubeferryCommand.Version.class,
    description = "Carries a kubeadm Kubernetes cluster across an air gap.",
    subcommands = {
      BundleCommand.class,
      ImageCommand.class,
      RpmCommand.class,
      KeygenCommand.class,
      InstallCommand.class,
      PreflightCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class KubeferryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Builds the configured command line: exit codes, error handler, hidden completion generator. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KubeferryCommand());
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = KubeferryCommand.class.getResourceAsStream("/kubeferry-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {
        "kubeferry " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
