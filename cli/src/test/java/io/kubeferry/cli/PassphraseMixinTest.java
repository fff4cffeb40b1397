package io.kubeferry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PassphraseMixinTest {
  @Command(name = "holder")
  static final class Holder {
    @Mixin PassphraseMixin passphrase;
  }

  private static char[] parse(String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.passphrase.resolve();
  }

  @Test
  void explicitValueWins() {
    assertArrayEquals("abc".toCharArray(), parse("--passphrase=abc"));
  }

  @Test
  void optionWithoutValuePromptsAndReadsTheAnswer() {
    assumeTrue(System.console() == null, "a real terminal is attached; the prompt would wait for it");
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream("typed secret\n".getBytes(StandardCharsets.UTF_8)));
      assertArrayEquals("typed secret".toCharArray(), parse("--passphrase"));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void absentMeansTheEnvironmentOrNothing() {
    String env = System.getenv("KUBEFERRY_SIGNING_KEY_PASSPHRASE");
    char[] got = parse();
    if (env == null || env.isEmpty()) {
      assertNull(got);
    } else {
      assertArrayEquals(env.toCharArray(), got);
    }
  }
}
