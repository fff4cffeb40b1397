package io.kubeferry.cli.trust;

import io.kubeferry.cli.config.KubeferryHome;
import io.kubeferry.cli.config.TrustStore;
import io.kubeferry.core.sign.Fingerprint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeferry trust}: the bundle-signing keys this operator trusts for installs. */
@Command(name = "trust", mixinStandardHelpOptions = true,
    description = {"Manage the bundle-signing keys trusted for `kubeferry install` (kept in the kubeferry home,",
        "$KUBEFERRY_HOME or ~/.config/kubeferry). A bundle's own key is never trusted by itself."},
    subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Remove.class})
public final class TrustCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static TrustStore store() {
    return new TrustStore(KubeferryHome.current().trustedKeys());
  }

  /** {@code kubeferry trust add KEY}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Trust the public key in FILE (e.g. signing-key.pub.asc); prints its fingerprint: compare it"
          + " with the one the bundle's builder gave you.")
  public static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "armored or binary OpenPGP public key") Path key;

    @Override
    public Integer call() throws Exception {
      Fingerprint fpr = store().add(key);
      spec.commandLine().getOut().println("trusted " + fpr + " (from " + key + ")");
      return 0;
    }
  }

  /** {@code kubeferry trust list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the trusted fingerprints.")
  public static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<Fingerprint> all = store().list();
      all.forEach(f -> spec.commandLine().getOut().println(f));
      if (all.isEmpty()) {
        spec.commandLine().getErr().println("no trusted keys: add one with kubeferry trust add FILE");
      }
      return 0;
    }
  }

  /** {@code kubeferry trust remove FINGERPRINT}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop trusting a key.")
  public static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "FINGERPRINT") String fingerprint;

    @Override
    public Integer call() throws Exception {
      Fingerprint fpr = Fingerprint.parse(fingerprint);
      if (!store().remove(fpr)) {
        spec.commandLine().getErr().println("kubeferry: error: " + fpr + " is not trusted (see kubeferry trust list)");
        return 1;
      }
      spec.commandLine().getOut().println("no longer trusted: " + fpr);
      return 0;
    }
  }
}
