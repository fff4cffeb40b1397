package io.kubeferry.cli.install;

import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.InventoryException;
import io.kubeferry.installer.inventory.InventoryParser;
import io.kubeferry.installer.inventory.Topology;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code install} and {@code preflight}: what to install and where. */
final class TargetOptions {
  @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "Signed bundle tarball.")
  Path bundle;

  @Option(names = "--inventory", required = true, paramLabel = "FILE", description = "Inventory YAML.")
  Path inventory;

  @Option(names = "--topology", required = true, paramLabel = "SHAPE",
      description = "single, ha-stacked or ha-external-etcd.")
  String topology;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The OpenPGP public key you trust for this bundle (required unless --dry-run).")
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
    return InventoryParser.parse(inventory, Topology.parse(topology));
  }
}
