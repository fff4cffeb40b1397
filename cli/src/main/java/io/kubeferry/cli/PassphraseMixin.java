package io.kubeferry.cli;

import io.kubeferry.core.sign.Signer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The signing-key passphrase, shared by every command that reads or writes a secret key. It never comes from the
 * command line (a value there shows in the process list and the shell history): {@code --passphrase} alone
 * prompts without echo, {@code --passphrase-file FILE} reads the first line of a file, and
 * {@code $KUBEFERRY_SIGNING_KEY_PASSPHRASE} is read otherwise. {@code --passphrase=VALUE} is refused with that hint.
 */
public final class PassphraseMixin {
  @Option(names = "--passphrase", interactive = true, arity = "0..1", paramLabel = "PASSPHRASE",
      description = "Prompt for the secret-key passphrase (no echo). A value here is refused: use the prompt,"
          + " --passphrase-file or $" + Signer.PASSPHRASE_ENV + ".")
  char[] passphrase;

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "Read the secret-key passphrase from the first line of FILE.")
  Path passphraseFile;

  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /**
   * The passphrase from the prompt, the file or the environment; null when none is set.
   *
   * @throws IllegalArgumentException when a passphrase was given on the command line
   */
  public char[] resolve() throws IOException {
    if (passphrase != null) {
      List<String> args = mixee.commandLine().getParseResult().originalArgs();
      for (String arg : args) {
        if (arg.startsWith("--passphrase=") || (arg.equals("--passphrase") && !interactiveOnly(args))) {
          throw new IllegalArgumentException("refusing a passphrase on the command line (it would show in the"
              + " process list): use --passphrase alone to be prompted, --passphrase-file FILE or $"
              + Signer.PASSPHRASE_ENV);
        }
      }
      return passphrase;
    }
    if (passphraseFile != null) {
      String first = Files.readString(passphraseFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      return first.toCharArray();
    }
    String env = System.getenv(Signer.PASSPHRASE_ENV);
    return env == null || env.isEmpty() ? null : env.toCharArray();
  }

  /** True when {@code --passphrase} is followed by another option or nothing (so picocli prompted). */
  private static boolean interactiveOnly(List<String> args) {
    int i = args.indexOf("--passphrase");
    return i < 0 || i == args.size() - 1 || args.get(i + 1).startsWith("-");
  }
}
