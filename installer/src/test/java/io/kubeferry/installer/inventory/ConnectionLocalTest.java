package io.kubeferry.installer.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code connection: local}: the installer runs on that host, so it has no SSH settings, and only one can be. */
class ConnectionLocalTest {
  private static String inventory(String hosts) {
    return """
        apiVersion: kubeferry.io/v1alpha1
        kind: Inventory
        hosts:
        %s
        roles: {control-plane: [cp1], worker: [w1]}
        """.formatted(hosts);
  }

  @Test
  void theLocalHostNeedsNoSshSettingsAndTheOthersKeepTheirs() throws Exception {
    Inventory inv = InventoryParser.parse(inventory("""
          - {name: cp1, address: 10.0.0.11, connection: local}
          - {name: w1, address: 10.0.0.21, connection: ssh, ssh: {user: root, key: /k}}
        """), "hosts.yaml", Path.of("/"), Topology.SINGLE);
    Host cp1 = inv.host("cp1").orElseThrow();
    assertTrue(cp1.local());
    assertEquals("local", cp1.endpoint());
    assertThrows(IllegalStateException.class, cp1::ssh);
    assertTrue(inv.registry().local(), "the registry default keeps the connection");
    Host w1 = inv.host("w1").orElseThrow();
    assertFalse(w1.local());
    assertEquals("root@10.0.0.21:22", w1.endpoint());
  }

  @Test
  void atMostOneLocalHostNoSshOrSudoOnItAndOnlyKnownConnections() {
    List<String> problems = assertThrows(InventoryException.class, () -> InventoryParser.parse(inventory("""
          - {name: cp1, address: 10.0.0.11, connection: local, ssh: {user: root}, sudo: true}
          - {name: w1, address: 10.0.0.21, connection: local}
          - {name: w2, address: 10.0.0.22, connection: telnet, ssh: {key: /k}}
        """), "hosts.yaml", Path.of("/"), Topology.SINGLE)).problems();
    assertEquals(List.of(
        "hosts[0].ssh: not used with connection: local (the installer runs on this host: no SSH, and sudo only when"
            + " the installer is not root); remove it",
        "hosts[0].sudo: not used with connection: local (the installer runs on this host: no SSH, and sudo only"
            + " when the installer is not root); remove it",
        "hosts[1].connection: only one host can be local (the machine the installer runs on); hosts[0] already is",
        "hosts[2].connection: unknown value 'telnet' (expected ssh or local)",
        "hosts[2]: host 'w2' has no role; list it under roles.<role>"), problems);
  }
}
