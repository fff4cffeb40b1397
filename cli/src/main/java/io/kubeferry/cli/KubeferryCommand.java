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
      io.kubeferry.cli.trust.TrustCommand.class,
      io.kubeferry.cli.inventory.InventoryCommand.class,
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
   * The command line for these arguments: when they start with a command's name (and its subcommand's, ...), only
   * that command is built, under bare parents (picocli inspects every command's annotations up front, ~50 ms for
   * all of them, which a short {@code rpm resolve} should not pay). A parent's own options cannot occur: the
   * argument right after it names the child. A lone {@code --version} gets the root alone. Otherwise, and for
   * completion, the full tree of {@link #commandLine()}.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // the version needs no command tree: inspecting every command was ~100 of a --version's ~180 ms
      return configure(new CommandLine(bare(new KubeferryCommand(), "kubeferry").versionProvider(new Version())));
    }
    Class<?> cls = args.length == 0 ? null : subcommandNamed(KubeferryCommand.class, args[0]);
    if (cls == null) {
      return commandLine();
    }
    CommandLine cli = new CommandLine(bare(new KubeferryCommand(), "kubeferry"));
    CommandLine parent = cli;
    for (int i = 1; ; i++) {
      Class<?> child = i < args.length ? subcommandNamed(cls, args[i]) : null;
      if (child == null) {
        parent.addSubcommand(new CommandLine(cls));
        return configure(cli);
      }
      CommandLine group;
      try {
        group = new CommandLine(bare(cls.getDeclaredConstructor().newInstance(),
            cls.getAnnotation(Command.class).name()));
      } catch (ReflectiveOperationException e) {
        return commandLine();
      }
      parent.addSubcommand(group);
      parent = group;
      cls = child;
    }
  }

  private static CommandSpec bare(Object command, String name) {
    return CommandSpec.wrapWithoutInspection(command).name(name).mixinStandardHelpOptions(true);
  }

  private static CommandLine configure(CommandLine cli) {
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    return cli;
  }

  /**
   * The subcommand of {@code parent} named {@code name}, or null. Only a class whose simple name contains the name
   * ("resolve" -> RpmResolveCommand) has its annotation read: reading one loads every class its
   * {@code subcommands} names. A command named otherwise is still found, through the full tree.
   */
  private static Class<?> subcommandNamed(Class<?> parent, String name) {
    String part = name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    Command p = parent.getAnnotation(Command.class);
    for (Class<?> c : p == null ? new Class<?>[0] : p.subcommands()) {
      if (part.isEmpty() || !c.getSimpleName().toLowerCase(java.util.Locale.ROOT).contains(part)) {
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
