package io.kubeferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
  @Test
  void sha256OfKnownInput() {
    assertEquals("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        Digest.sha256Of("hello".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void roundTrips() {
    Digest d = Digest.sha256Of(new byte[0]);
    assertEquals(d, Digest.parse(d.toString()));
  }

  @Test
  void rejectsMalformedNamingTheInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Digest.parse("sha256:ABC"));
    assertTrue(e.getMessage().contains("ABC"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Digest.parse("md5:d41d8cd98f00b204e9800998ecf8427e"));
    assertThrows(IllegalArgumentException.class, () -> Digest.parse("nocolon"));
  }
}
