package io.kubeferry.cli.keygen;

import io.kubeferry.cli.PassphraseMixin;
import io.kubeferry.core.sign.GeneratedKey;
import io.kubeferry.core.sign.KeyGenOptions;
import io.kubeferry.core.sign.KeyGenerator;
import io.kubeferry.core.sign.KeyType;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeferry keygen}: makes a gpg-compatible bundle signing key pair. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Generate an OpenPGP key pair for signing bundles (gpg-compatible).",
        "Writes signing-key.asc (secret, mode 0600) and signing-key.pub.asc (give this one to installers).",
        "The passphrase comes from $" + Signer.PASSPHRASE_ENV + " or --passphrase (prompted)."})
public final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--type", defaultValue = "ed25519", description = "ed25519 (default) or rsa4096")
  String type;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "directory to write the key files to (default: the kubeferry home, where `bundle build` looks"
          + " for its signing key)")
  Path output;

  @Option(names = "--uid", defaultValue = "kubeferry bundle signing", description = "user id (default: ${DEFAULT-VALUE})")
  String uid;

  @Mixin PassphraseMixin passphrase;

  @Override
  public Integer call() throws Exception {
    char[] pass = passphrase.resolve();
    Path output = this.output != null ? this.output : io.kubeferry.cli.config.KubeferryHome.current().dir();
    KeyType keyType = KeyType.parse(type);
    GeneratedKey key = KeyGenerator.generate(KeyGenOptions.of(keyType).withUserId(uid).withPassphrase(pass));
    Path secret = key.writeTo(output);
    var out = spec.commandLine().getOut();
    out.println("fingerprint: " + key.fingerprint());
    out.println("secret key:  " + secret + (pass == null || pass.length == 0 ? " (no passphrase)" : ""));
    out.println("public key:  " + output.resolve(GeneratedKey.PUBLIC_FILE));
    return 0;
  }
}
