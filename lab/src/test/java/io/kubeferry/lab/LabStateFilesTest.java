package io.kubeferry.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabStateFilesTest {
  /** What bash makes of {@code X=<quoted>}: the value must come back unchanged, whatever it holds. */
  @Test
  void shellQuotingSurvivesBash() throws Exception {
    for (String value : new String[] {"plain", "with space", "it's", "$(touch /tmp/x) `id` \\ \" ;", ""}) {
      Process p = new ProcessBuilder("bash", "-c", "X=" + LabStateFiles.shellQuote(value) + "; printf %s \"$X\"")
          .start();
      String back = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor());
      assertEquals(value, back);
    }
  }
}
