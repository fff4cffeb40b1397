package io.kubeferry.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void parsesForms() {
    assertEquals(Platform.LINUX_AMD64, Platform.parse("linux/amd64"));
    assertEquals(Platform.LINUX_AMD64, Platform.parse("amd64"));
    assertEquals(Platform.LINUX_AMD64, Platform.parse("x86_64"));
    assertEquals(Platform.LINUX_ARM64, Platform.parse("aarch64"));
    Platform v8 = Platform.parse("linux/arm64/v8");
    assertEquals("linux/arm64/v8", v8.toString());
    assertEquals(v8, Platform.parse(v8.toString()));
  }

  @Test
  void variantMatching() {
    assertTrue(Platform.parse("linux/arm64/v8").satisfies(Platform.LINUX_ARM64));
    assertFalse(Platform.LINUX_ARM64.satisfies(Platform.parse("linux/arm64/v8")));
    assertFalse(Platform.LINUX_AMD64.satisfies(Platform.LINUX_ARM64));
  }

  @Test
  void rejectsGarbage() {
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux/amd64/v1/x"));
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux/AMD 64"));
    assertThrows(IllegalArgumentException.class, () -> Platform.parse(""));
  }
}
