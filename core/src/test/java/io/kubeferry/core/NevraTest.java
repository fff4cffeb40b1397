package io.kubeferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NevraTest {
  @Test
  void parsesEpochAndDashedNames() {
    Nevra n = Nevra.parse("docker-ce-3:20.10.12-3.el7.x86_64");
    assertEquals(new Nevra("docker-ce", 3, "20.10.12", "3.el7", "x86_64"), n);
    assertEquals("3:20.10.12-3.el7", n.evr());
  }

  @Test
  void zeroEpochIsNotPrintedAndRoundTrips() {
    Nevra n = Nevra.parse("kubeadm-1.23.1-0.x86_64");
    assertEquals(0, n.epoch());
    assertEquals("kubeadm-1.23.1-0.x86_64", n.toString());
    assertEquals(n, Nevra.parse(n.toString()));
  }

  @Test
  void rejectsMissingArch() {
    assertThrows(IllegalArgumentException.class, () -> Nevra.parse("kubeadm-1.23.1"));
  }

  @Test
  void rejectsEmptyFieldsWhitespaceAndSlashes() {
    for (String bad : new String[] {"", "a b", "a/b", "a\tb", "a\nb", "a\u000Bb", "a\fb", "a\rb"}) {
      assertThrows(IllegalArgumentException.class, () -> new Nevra(bad, 0, "1", "1", "x86_64"), bad);
    }
    assertEquals("a\u00a0b", new Nevra("a\u00a0b", 0, "1", "1", "noarch").name(), "only ASCII whitespace is refused");
  }
}
