package io.kubeferry.installer.testing;

import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.InventoryException;
import io.kubeferry.installer.inventory.InventoryParser;
import io.kubeferry.installer.inventory.Topology;
import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.RunState;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.host.Machine;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.installer.source.InstallSource;
import io.kubeferry.installer.source.TestSources;
import io.kubeferry.installer.ssh.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small inputs for unit tests: a verified-looking install source, an inventory, a step context on a machine. */
public final class Fixtures {
  /** What a node with the docker runtime installs from {@link #source}, in the manifest's order. */
  public static final List<String> PACKAGES = List.of("kubeadm-1.23.1-0.x86_64", "kubectl-1.23.1-0.x86_64",
      "kubelet-1.23.1-0.x86_64", "containerd.io-1.6.33-3.1.el7.x86_64", "docker-ce-3:20.10.24-3.el7.x86_64");

  private Fixtures() {}

  /** A source with a two-file repository, the bundle key and one RPM signing key under {@code dir}. */
  public static InstallSource source(Path dir) throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("repodata"));
    Files.writeString(repo.resolve("repodata/repomd.xml"), "<repomd/>\n");
    Files.writeString(repo.resolve("kubeadm-1.23.1-0.x86_64.rpm"), "not really an rpm\n");
    Path key = Files.writeString(dir.resolve("bundle.asc"), "bundle key\n");
    Path k8s = Files.writeString(dir.resolve("kubernetes.asc"), "kubernetes key\n");
    return new InstallSource(TestSources.manifest("1.23.1", "el7", Map.of(
        PackageRole.KUBERNETES, PACKAGES.subList(0, 3),
        PackageRole.RUNTIME_DOCKER, PACKAGES.subList(3, 5),
        PackageRole.RUNTIME_CONTAINERD, PACKAGES.subList(3, 4))), dir, repo, key, Map.of("kubernetes", k8s));
  }

  /** cp1 (control plane, etcd, registry) and w1 (worker), firewalld and runtime as given. */
  public static Inventory inventory(String cluster) {
    try {
      return InventoryParser.parse("""
          apiVersion: kubeferry.io/v1alpha1
          kind: Inventory
          defaults: {ssh: {user: kube, key: /k}}
          hosts:
            - {name: cp1, address: 10.0.0.11}
            - {name: w1, address: 10.0.0.21}
          roles: {control-plane: [cp1], etcd: [cp1], worker: [w1]}
          cluster: %s
          """.formatted(cluster), "test", Path.of("/"), Topology.SINGLE);
    } catch (InventoryException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static Inventory inventory() {
    return inventory("{}");
  }

  /** The context a step gets on {@code m}, as the inventory's host of the same name. */
  public static StepContext context(Inventory inv, Machine m, Path stateDir) {
    return new StepContext(inv.host(m.name()), Optional.of(m), new RunState(),
        new InstallState(stateDir, new Redactor()));
  }
}
