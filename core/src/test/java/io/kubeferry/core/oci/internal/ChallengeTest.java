package io.kubeferry.core.oci.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ChallengeTest {
  @Test
  void bearer() {
    Challenge c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
        + "scope=\"repository:library/registry:pull\"");
    assertEquals("bearer", c.scheme());
    assertEquals("https://auth.docker.io/token", c.params().get("realm"));
    assertEquals("registry.docker.io", c.params().get("service"));
    assertEquals("repository:library/registry:pull", c.params().get("scope"));
  }

  @Test
  void basicAndEmpty() {
    assertEquals("basic", Challenge.parse("Basic realm=\"Registry Realm\"").scheme());
    assertNull(Challenge.parse(""));
  }
}
