package io.kubeferry.cli.bundle;

import io.kubeferry.core.bundle.ArchiveLimits;
import io.kubeferry.core.bundle.BundleVerifier;
import io.kubeferry.core.bundle.DirectoryVerifier;
import io.kubeferry.core.bundle.VerificationResult;
import io.kubeferry.core.sign.SignatureVerifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeferry bundle verify}: checks signatures, every file's sha256 and archive safety; exit 3 if not intact. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify a bundle tarball (or its .000, .001 parts, or an unpacked bundle directory) offline:",
        "the tarball signature x.tgz.asc, the signed manifest inside, the sha256 of every file, no unlisted file,",
        "and archive safety. Exit code 3 when anything is not intact."})
public final class BundleVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "x.tgz, x.tar.zst, or an unpacked bundle directory")
  Path bundle;

  @Option(names = "--key", required = true, paramLabel = "PUB.asc", description = "the trusted public key")
  Path key;

  @Option(names = "--extract", paramLabel = "DIR", description = "also unpack into DIR (only if everything verifies)")
  Path extract;

  @Override
  public Integer call() throws Exception {
    SignatureVerifier trusted = SignatureVerifier.fromFile(key);
    VerificationResult r;
    if (Files.isDirectory(bundle)) {
      r = new DirectoryVerifier(trusted).verify(bundle);
    } else if (extract != null) {
      r = new BundleVerifier(trusted, ArchiveLimits.defaults()).extract(bundle, extract);
    } else {
      r = new BundleVerifier(trusted, ArchiveLimits.defaults()).verify(bundle);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("verified " + r.source() + " (Kubernetes " + r.manifest().kubernetesVersion() + ", "
        + r.manifest().os() + ", " + r.manifest().arch() + ")");
    if (r.tarballSignature() != null) {
      out.println("  tarball signature:  good, key " + r.tarballSignature().primary() + ", made "
          + r.tarballSignature().created());
      out.println("  archive:            safe (no absolute paths, '..', links, devices; within size caps)");
    }
    out.println("  manifest signature: good, key " + r.manifestSignature().primary());
    out.printf("  files:              %d files, %s, every sha256 matches the signed manifest; none unlisted, none"
        + " missing%n", r.files(), Sizes.human(r.bytes()));
    out.printf("  content:            %d images, %d RPMs, %d add-ons%n", r.manifest().images().size(),
        r.manifest().rpms().size(), r.manifest().addons().size());
    if (r.manifest().delta()) {
      out.printf("  delta:              on %s (bundle.yaml %s): its %d other files are not in this bundle and were"
          + " not checked here%n", r.manifest().base().name(), r.manifest().base().manifest(),
          r.manifest().filesFromBase().size());
    }
    if (extract != null && !Files.isDirectory(bundle)) {
      out.println("  unpacked to:        " + extract);
    }
    return 0;
  }
}
