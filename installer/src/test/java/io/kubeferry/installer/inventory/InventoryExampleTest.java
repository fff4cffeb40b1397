package io.kubeferry.installer.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InventoryExampleTest {
  @Test
  void everyExampleIsAValidInventoryForItsTopology() throws Exception {
    for (Topology t : Topology.values()) {
      Inventory inv = InventoryParser.parse(InventoryExample.of(t), "example", Path.of("/x"), t);
      assertEquals(t, inv.topology());
      assertTrue(inv.withRole(Role.CONTROL_PLANE).size() >= 1, t.key());
      assertEquals(t.highlyAvailable(), inv.cluster().vip().isPresent(), t.key());
    }
  }
}
