package io.kubeferry.bundler.rpm.profile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaseOsProfileTest {
  @Test
  void everyShippedProfileLoadsWithItsFamily() {
    for (String id : BaseOsProfile.IDS) {
      BaseOsProfile p = BaseOsProfile.load(id);
      assertTrue(p.packages().size() > 200, id + " has " + p.packages().size());
      assertTrue(p.packages().containsAll(java.util.List.of("bash", "glibc", "systemd", "util-linux")), id);
      assertTrue(id.equals("el7") != p.richDeps(), id + ": only el7 lacks rich dependencies");
    }
    BaseOsProfile el7 = BaseOsProfile.load("el7");
    assertFalse(el7.packages().contains("socat") || el7.packages().contains("conntrack-tools"),
        "kubelet's extra dependencies are not part of a minimal install");
    assertTrue(BaseOsProfile.load("none").packages().isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseOsProfile.load("el6"));
    assertTrue(e.getMessage().contains("known: none, el7, el8, el9"), e.getMessage());
  }
}
