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
import java.util.Arrays;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

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

  /** Builds the configured command line with every command: exit codes, error handler, completion generator. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KubeferryCommand());
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return configure(cli);
  }

  /**
   * The command line for these arguments: when they start with a subcommand's name, only that subcommand's branch
   * is built (picocli inspects every command's annotations up front, ~40 ms for all of them, which a short
   * {@code rpm resolve} should not pay); otherwise, and for completion, the full tree of {@link #commandLine()}.
   */
  public static CommandLine commandLine(String... args) {
    Class<?> only = args.length == 0 ? null : subcommandNamed(args[0]);
    if (only == null) {
      return commandLine();
    }
    CommandSpec root = CommandSpec.wrapWithoutInspection(new KubeferryCommand()).name("kubeferry")
        .mixinStandardHelpOptions(true);
    CommandLine cli = new CommandLine(root);
    cli.addSubcommand(new CommandLine(only));
    return configure(cli);
  }

  private static CommandLine configure(CommandLine cli) {
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    return cli;
  }

  /**
   * The subcommand class named {@code name}, or null. Only a class whose simple name starts like the command name
   * ("rpm" -> RpmCommand) has its annotation read: reading one loads every class its {@code subcommands} names. A
   * command named otherwise is still found, through the full tree.
   */
  private static Class<?> subcommandNamed(String name) {
    String prefix = name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    for (Class<?> c : KubeferryCommand.class.getAnnotation(Command.class).subcommands()) {
      if (!c.getSimpleName().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
        continue;
      }
      Command a = c.getAnnotation(Command.class);
      if (c != AutoComplete.GenerateCompletion.class && a != null
          && (a.name().equals(name) || Arrays.asList(a.aliases()).contains(name))) {
        return c;
      }
    }
    return null;
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
