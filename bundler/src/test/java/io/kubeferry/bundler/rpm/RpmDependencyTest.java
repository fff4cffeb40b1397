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

  @Test
  void splitsAtTheFirstDashAsCreaterepoC() {
    RpmDependency d = new RpmDependency("bar", RpmDependency.EQUAL, "1.0-2-3");
    assertEquals("1.0", d.version());
    assertEquals("2-3", d.release());
    RpmDependency empty = new RpmDependency("bar", RpmDependency.EQUAL, "1:2-");
    assertEquals("1", empty.epoch());
    assertEquals("2", empty.version());
    assertNull(empty.release());
    assertEquals("0", new RpmDependency("bar", RpmDependency.EQUAL, ":1.0").epoch());
  }

  @Test
  void malformedEpochIsWhatStrtolDoesNotReadUpToTheColon() {
    for (String bad : new String[] {"abc:1.0", "x1:2", "1x:2", "+:1", " :1", "0x1:2"}) {
      assertTrue(new RpmDependency("x", RpmDependency.EQUAL, bad).malformedEpoch(), bad);
    }
    for (String good : new String[] {"1:2", ":1.0", "1.0", "", " 3:1", "-1:2", "+2:1", "1:2:3", "007:1"}) {
      assertFalse(new RpmDependency("x", RpmDependency.EQUAL, good).malformedEpoch(), good);
    }
  }

  @Test
  void flagsBeyondTheComparisonLeaveItUnversioned() {
    // createrepo_c maps the low four bits only; bit 0 set or LESS with GREATER has no spelling
    assertNull(new RpmDependency("x", 1 | RpmDependency.EQUAL, "1").relation());
    assertNull(new RpmDependency("x", RpmDependency.LESS | RpmDependency.GREATER, "1").relation());
    assertEquals("GE", new RpmDependency("x", RpmDependency.SCRIPT_PRE | RpmDependency.GREATER
        | RpmDependency.EQUAL, "1").relation());
  }
}
