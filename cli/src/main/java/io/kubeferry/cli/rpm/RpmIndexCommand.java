package io.kubeferry.cli.rpm;

import io.kubeferry.cli.PassphraseMixin;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.bundler.rpm.RpmSignatureException;
import io.kubeferry.bundler.rpm.repo.RepodataOptions;
import io.kubeferry.bundler.rpm.repo.RepodataResult;
import io.kubeferry.bundler.rpm.repo.RepodataWriter;
import io.kubeferry.core.sign.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubeferry rpm index DIR}: writes (signed) createrepo-compatible repodata for a directory of RPMs. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {"Write repodata/ (primary, filelists, other, repomd.xml) for the RPMs under DIR, like createrepo.",
        "Exit codes: 0 ok, 1 failure, 2 usage, 3 an RPM failed signature verification."})
public final class RpmIndexCommand implements Callable<Integer> {
  static final int EXIT_INTEGRITY = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory of RPMs (searched recursively).")
  Path dir;

  @Option(names = "--sign-key", paramLabel = "KEY",
      description = "OpenPGP secret key file (gpg --export-secret-keys --armor); signs repomd.xml into "
          + "repomd.xml.asc and writes the public key to repomd.xml.key.")
  Path signKey;

  @Mixin PassphraseMixin passphrase;

  @Option(names = "--verify-key", paramLabel = "PUBKEY",
      description = "Public key file (e.g. the repo's RPM-GPG-KEY): every RPM must be signed by it.")
  Path verifyKey;

  @Override
  public Integer call() throws Exception {
    RepodataOptions options = RepodataOptions.of(dir);
    if (verifyKey != null) {
      options = options.withVerification(RpmKeyring.load(verifyKey));
    }
    String signedBy = null;
    if (signKey != null) {
      if (!Files.isRegularFile(signKey)) {
        throw new IllegalArgumentException("could not read signing key: no such file (input " + signKey + ")");
      }
      Signer signer = Signer.fromFile(signKey, passphrase.resolve());
      options = options.withSigner(signer::signArmored, signer.publicKeyArmored());
      signedBy = signer.fingerprint().toString();
    }
    RepodataResult result;
    try {
      result = RepodataWriter.write(options);
    } catch (RpmSignatureException e) {
      spec.commandLine().getErr().println("kubeferry: error: " + e.getMessage()
          + (e.getSuppressed().length > 0 ? " (" + e.getSuppressed().length + " more)" : ""));
      return EXIT_INTEGRITY;
    }
    spec.commandLine().getOut().println("indexed " + result.packages().size() + " RPMs into " + result.repodata()
        + (verifyKey != null ? ", all signatures verified" : "")
        + (signedBy != null ? ", repomd.xml signed by " + signedBy : ", repomd.xml NOT signed"));
    return 0;
  }
}
