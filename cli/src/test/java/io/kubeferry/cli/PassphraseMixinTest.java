package io.kubeferry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PassphraseMixinTest {
  @TempDir Path dir;

  @Command(name = "holder")
  static final class Holder {
    @Mixin PassphraseMixin passphrase;
  }

  private static char[] parse(String... args) throws Exception {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.passphrase.resolve();
  }

  @Test
  void aValueOnTheCommandLineIsRefusedWithTheWaysThatWork() {
    for (String[] args : new String[][] {{"--passphrase=abc"}, {"--passphrase", "abc"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(args));
      assertTrue(e.getMessage().contains("--passphrase-file"), e.getMessage());
      assertTrue(e.getMessage().contains("KUBEFERRY_SIGNING_KEY_PASSPHRASE"), e.getMessage());
    }
  }

  @Test
  void aFileGivesItsFirstLine() throws Exception {
    Path f = Files.writeString(dir.resolve("pass"), "from a file\nsecond line\n");
    assertArrayEquals("from a file".toCharArray(), parse("--passphrase-file", f.toString()));
  }

  @Test
  void optionWithoutValuePromptsAndReadsTheAnswer() throws Exception {
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
  void absentMeansTheEnvironmentOrNothing() throws Exception {
    String env = System.getenv("KUBEFERRY_SIGNING_KEY_PASSPHRASE");
    char[] got = parse();
    if (env == null || env.isEmpty()) {
      assertNull(got);
    } else {
      assertArrayEquals(env.toCharArray(), got);
    }
  }
}
