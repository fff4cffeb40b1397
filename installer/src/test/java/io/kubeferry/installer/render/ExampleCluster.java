package io.kubeferry.installer.render;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.InventoryException;
import io.kubeferry.installer.inventory.InventoryParser;
import io.kubeferry.installer.inventory.Topology;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed example inventory, secrets and bundle components the golden files are rendered with. */
final class ExampleCluster {
  static final ManifestsDir MANIFESTS = new ManifestsDir(Path.of("..", "manifests"));
  static final ClusterSecrets SECRETS = new ClusterSecrets("abcdef.0123456789abcdef",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210", "kf0vrrp1");
  static final RegistryLocation REGISTRY = new RegistryLocation("10.0.0.11:5000", "", true);

  private static final String HOSTS = """
      apiVersion: kubeferry.io/v1alpha1
      kind: Inventory
      defaults:
        ssh: {user: root, key: /keys/id_ed25519}
      hosts:
      %s
      roles:
      %s
      cluster:
      %s  podSubnet: 10.244.0.0/16
        serviceSubnet: 10.96.0.0/12
        runtime: %s
      """;

  private ExampleCluster() {}

  /** The inventory for {@code topology}: one worker; 3 control planes and a VIP when HA; 3 etcd hosts if external. */
  static Inventory inventory(Topology topology, String runtime) throws InventoryException {
    String hosts = switch (topology) {
      case SINGLE -> "  - {name: cp1, address: 10.0.0.11}\n  - {name: w1, address: 10.0.0.21}";
      case HA_STACKED -> "  - {name: cp1, address: 10.0.0.11}\n  - {name: cp2, address: 10.0.0.12}\n"
          + "  - {name: cp3, address: 10.0.0.13}\n  - {name: w1, address: 10.0.0.21}";
      case HA_EXTERNAL_ETCD -> "  - {name: etcd1, address: 10.0.0.31}\n  - {name: etcd2, address: 10.0.0.32}\n"
          + "  - {name: etcd3, address: 10.0.0.33}\n  - {name: cp1, address: 10.0.0.11}\n"
          + "  - {name: cp2, address: 10.0.0.12}\n  - {name: cp3, address: 10.0.0.13}\n"
          + "  - {name: w1, address: 10.0.0.21}";
    };
    String roles = switch (topology) {
      case SINGLE -> "  etcd: [cp1]\n  control-plane: [cp1]\n  worker: [w1]";
      case HA_STACKED -> "  etcd: [cp1, cp2, cp3]\n  control-plane: [cp1, cp2, cp3]\n  worker: [w1]";
      case HA_EXTERNAL_ETCD -> "  etcd: [etcd1, etcd2, etcd3]\n  control-plane: [cp1, cp2, cp3]\n  worker: [w1]";
    };
    String vip = topology.highlyAvailable() ? "  vip: 10.0.0.100\n" : "";
    return InventoryParser.parse(HOSTS.formatted(hosts, roles, vip, runtime), "hosts.yaml", Path.of("/"), topology);
  }

  /**
   * What a bundle of {@code version} carries (pause, etcd, CoreDNS and registry as the image catalog has them;
   * the CNI pins of ADR 0009), with haproxy and keepalived.
   */
  static ClusterComponents components(KubernetesVersion v, String loadBalancer) {
    String registry = v.minor() >= 25 || v.minor() == 22 && v.patch() >= 17 || v.minor() == 23 && v.patch() >= 15
        || v.minor() == 24 && v.patch() >= 9 ? "registry.k8s.io" : "k8s.gcr.io";
    String[] row = switch (v.minor()) {
      case 20 -> new String[] {"3.2", "3.4.13-0", "1.7.0", "flannel", "v0.17.0"};
      case 21 -> new String[] {"3.4.1", "3.4.13-0", "v1.8.0", "flannel", "v0.17.0"};
      case 22 -> new String[] {"3.5", "3.5.6-0", "v1.8.4", "calico", "v3.24.6"};
      case 23 -> new String[] {"3.6", v.patch() >= 15 ? "3.5.6-0" : "3.5.1-0", "v1.8.6", "calico", "v3.24.6"};
      case 24 -> new String[] {"3.7", "3.5.6-0", "v1.8.6", "calico", "v3.24.6"};
      case 25 -> new String[] {"3.8", "3.5.9-0", "v1.9.3", "calico", "v3.24.6"};
      case 26 -> new String[] {"3.9", "3.5.10-0", "v1.9.3", "calico", "v3.25.2"};
      case 27 -> new String[] {"3.9", "3.5.12-0", "v1.10.1", "calico", "v3.26.4"};
      case 28 -> new String[] {"3.9", "3.5.15-0", "v1.10.1", "calico", "v3.27.4"};
      case 29 -> new String[] {"3.9", "3.5.15-0", "v1.11.1", "calico", "v3.28.2"};
      case 30 -> new String[] {"3.9", "3.5.15-0", "v1.11.3", "calico", "v3.28.2"};
      case 31 -> new String[] {"3.10", "3.5.15-0", "v1.11.3", "calico", "v3.28.2"};
      default -> throw new IllegalArgumentException("no example components for " + v);
    };
    return new ClusterComponents(registry, row[0], row[1], row[2], row[3], row[4], loadBalancer);
  }

  /** Every host a machine with interface eth0. */
  static Map<String, NodeFacts> machines(Inventory inventory) {
    Map<String, NodeFacts> facts = new LinkedHashMap<>();
    inventory.hosts().forEach(h -> facts.put(h.name(), NodeFacts.machine("eth0")));
    return facts;
  }
}
