package io.kubeferry.core.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backoffDoublesToCapAndHonoursRetryAfter() {
    RetryPolicy r = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(200), r.delay(1, null));
    assertEquals(Duration.ofMillis(400), r.delay(2, null));
    assertEquals(Duration.ofSeconds(5), r.delay(10, null));
    assertEquals(Duration.ofSeconds(3), r.delay(1, "3"));
    assertEquals(Duration.ofSeconds(60), r.delay(1, "3600"));
    assertEquals(Duration.ofMillis(200), r.delay(1, "soon"));
  }
}
