package io.kubeferry.cli.install;

import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.InventoryException;
import io.kubeferry.installer.inventory.InventoryParser;
import io.kubeferry.installer.inventory.Topology;
import io.kubeferry.cli.config.KubeferryHome;
import io.kubeferry.cli.config.TrustStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code install} and {@code preflight}: what to install and where. */
final class TargetOptions {
  @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "Signed bundle tarball.")
  Path bundle;

  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Inventory YAML (default: inventory.yaml here; `kubeferry inventory example` writes one).")
  Path inventory = Path.of("inventory.yaml");

  @Option(names = "--topology", required = true, paramLabel = "SHAPE",
      description = "single, ha-stacked or ha-external-etcd.")
  String topology;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The OpenPGP public key you trust for this bundle (default: the trusted key, added with"
          + " `kubeferry trust add`, that signed it).")
  Path key;

  @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default: ~/.ssh/known_hosts).")
  Path knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");

  @Option(names = "--accept-new-host-keys",
      description = "Record host keys seen for the first time instead of refusing (a changed key is always refused).")
  boolean acceptNewHostKeys;

  @Option(names = "--ignore-preflight", split = ",", paramLabel = "CHECK",
      description = "Preflight checks whose errors do not stop the install (or 'all').")
  java.util.Set<String> ignorePreflight = new java.util.TreeSet<>();

  @Option(names = "--parallel", paramLabel = "N", description = "Hosts worked on at once (default: 10).")
  int parallel = 10;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Local state: verified bundle, checkpoints (default: .kubeferry).")
  Path stateDir = Path.of(".kubeferry");

  @Option(names = "--log-dir", paramLabel = "DIR", description = "Per-host logs <host>.log (default: logs).")
  Path logDir = Path.of("logs");

  Inventory loadInventory() throws InventoryException {
    if (!java.nio.file.Files.exists(inventory)) {
      throw new IllegalArgumentException("no inventory: " + inventory + " does not exist; write one with `kubeferry"
          + " inventory example --topology " + topology + " > inventory.yaml` and edit it, or pass --inventory FILE");
    }
    return InventoryParser.parse(inventory, Topology.parse(topology));
  }

  /**
   * The key to verify the bundle with: {@code --key}, else the trusted key that signed it. An untrusted bundle is
   * refused naming the fingerprint of the key that did sign it.
   */
  Path trustedKey() throws Exception {
    if (key != null) {
      return key;
    }
    if (!java.nio.file.Files.isRegularFile(bundle)) {
      throw new IllegalArgumentException("no bundle at " + bundle + " (--bundle FILE)");
    }
    TrustStore store = new TrustStore(KubeferryHome.current().trustedKeys());
    java.util.Optional<Path> found = store.keyFor(bundle);
    if (found.isPresent()) {
      return found.get();
    }
    io.kubeferry.core.sign.Fingerprint signer = TrustStore.signerOf(bundle);
    throw new IllegalArgumentException("refusing " + bundle + ": it is signed by key " + (signer == null
        ? "(unnamed)" : signer) + ", which is not trusted here; if that is your builder's key, run `kubeferry trust"
        + " add signing-key.pub.asc` (compare the fingerprint) or pass --key FILE");
  }
}
