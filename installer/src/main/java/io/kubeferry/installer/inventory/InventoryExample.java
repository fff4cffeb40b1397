package io.kubeferry.installer.inventory;

/**
 * A commented example inventory for a topology, to start from ({@code kubeferry inventory example --topology T}).
 * Every example parses with {@link InventoryParser} for its topology (tested), so what an operator copies works.
 */
public final class InventoryExample {
  private InventoryExample() {}

  public static String of(Topology t) {
    StringBuilder y = new StringBuilder();
    y.append("""
        # kubeferry inventory (%s). Save as inventory.yaml next to where you run `kubeferry install`.
        apiVersion: kubeferry.io/v1alpha1
        kind: Inventory
        defaults:
          # How kubeferry reaches every host unless a host says otherwise. A non-root user needs passwordless sudo.
          ssh: {user: root, port: 22, key: ~/.ssh/id_ed25519}
        hosts:
        """.formatted(t.key()).replace("~/.ssh/id_ed25519", "keys/id_ed25519"));
    switch (t) {
      case SINGLE -> y.append("""
            - {name: cp1, address: 10.0.0.11}
            - {name: worker1, address: 10.0.0.21}
          roles:
            control-plane: [cp1]
            worker: [worker1]
          cluster:
          """);
      case HA_STACKED -> y.append("""
            - {name: cp1, address: 10.0.0.11}
            - {name: cp2, address: 10.0.0.12}
            - {name: cp3, address: 10.0.0.13}
            - {name: worker1, address: 10.0.0.21}
          roles:
            control-plane: [cp1, cp2, cp3]
            worker: [worker1]
          cluster:
            # A free address on the control planes' network: keepalived moves it, haproxy listens on it (port 8443).
            vip: 10.0.0.100
          """);
      case HA_EXTERNAL_ETCD -> y.append("""
            - {name: cp1, address: 10.0.0.11}
            - {name: cp2, address: 10.0.0.12}
            - {name: cp3, address: 10.0.0.13}
            - {name: worker1, address: 10.0.0.21}
          roles:
            # etcd runs outside kubeadm; here on the control planes, as the usual write-ups do (dedicated hosts work too).
            etcd: [cp1, cp2, cp3]
            control-plane: [cp1, cp2, cp3]
            worker: [worker1]
          cluster:
            # A free address on the control planes' network: keepalived moves it, haproxy listens on it (port 8443).
            vip: 10.0.0.100
          """);
      default -> throw new IllegalArgumentException("no example for " + t);
    }
    y.append("""
          podSubnet: 10.244.0.0/16
          serviceSubnet: 10.96.0.0/12
          # auto: docker up to Kubernetes 1.23, containerd from 1.24
          runtime: auto
          # disable, open-ports or leave
          firewalld: disable
        """);
    return y.toString();
  }
}
