package io.kubeferry.cli;

import io.kubeferry.core.sign.Signer;
import picocli.CommandLine.Option;

/**
 * The signing-key passphrase, shared by every command that reads or writes a secret key: {@code --passphrase}
 * prompts without echo when given without a value; otherwise {@code $KUBEFERRY_SIGNING_KEY_PASSPHRASE}. A value on
 * the command line is accepted for scripts but shows in the process list, so the prompt or the variable is better.
 */
public final class PassphraseMixin {
  @Option(names = "--passphrase", interactive = true, arity = "0..1", paramLabel = "PASSPHRASE",
      description = "Secret-key passphrase; prompts (no echo) when given without a value "
          + "(default: $" + Signer.PASSPHRASE_ENV + ").")
  char[] passphrase;

  /** The passphrase from the option, else from the environment; null when neither is set. */
  public char[] resolve() {
    if (passphrase != null) {
      return passphrase;
    }
    String env = System.getenv(Signer.PASSPHRASE_ENV);
    return env == null || env.isEmpty() ? null : env.toCharArray();
  }
}
