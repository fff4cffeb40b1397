package io.kubeferry.bundler.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RpmDependencyTest {
  @Test
  void splitsEpochVersionReleaseLikeCreaterepo() {
    RpmDependency d = new RpmDependency("container-selinux", RpmDependency.GREATER | RpmDependency.EQUAL, "2:2.74");
    assertEquals("GE", d.relation());
    assertEquals("2", d.epoch());
    assertEquals("2.74", d.version());
    assertNull(d.release());
    assertEquals("container-selinux >= 2:2.74", d.toString());

    RpmDependency eq = new RpmDependency("kubelet", RpmDependency.EQUAL, "1.23.1-0");
    assertEquals("0", eq.epoch());
    assertEquals("1.23.1", eq.version());
    assertEquals("0", eq.release());

    RpmDependency plain = new RpmDependency("/bin/sh", 0, "");
    assertNull(plain.relation());
    assertNull(plain.epoch());
    assertNull(plain.version());
    assertEquals("/bin/sh", plain.toString());
  }

  @Test
  void preFlagsAndRelations() {
    assertTrue(new RpmDependency("x", RpmDependency.SCRIPT_PRE, "").pre());
    assertTrue(new RpmDependency("x", RpmDependency.PREREQ, "").pre());
    assertFalse(new RpmDependency("x", RpmDependency.EQUAL, "1").pre());
    assertEquals("LT", new RpmDependency("x", RpmDependency.LESS, "1").relation());
    assertEquals("LE", new RpmDependency("x", RpmDependency.LESS | RpmDependency.EQUAL, "1").relation());
    assertEquals("GT", new RpmDependency("x", RpmDependency.GREATER, "1").relation());
  }
}
