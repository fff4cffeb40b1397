package io.kubeferry.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LabMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: scripts/lab <part>"));
  }

  @Test
  void helpGoesToStdout() {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("nodes [N]"), help);
    assertTrue(help.contains("registry [--mode M[+redirect]] [--filler BYTES]"), help);
    assertTrue(help.contains("  yum "), help);
    assertTrue(help.contains("up --state DIR [--nodes N]"), help);
  }

  @Test
  void subLabsAreDispatchedAndCheckTheirArgumentsBeforeStarting() {
    assertEquals(2, run("registry", "--mode", "ftp"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab registry: error: unknown mode 'ftp'"));
    err.reset();
    assertEquals(2, run("yum", "extra"));
    assertEquals("lab yum: error: takes no arguments, got extra\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, run("up", "--nodes", "2"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab up: error: --state DIR is required"));
    err.reset();
    assertEquals(2, run("up", "--state", "/tmp/x", "--nodes", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab up: error: --nodes must be 1..50, got 0"));
    err.reset();
    assertEquals(2, run("up", "--state", "/tmp/x", "--nodes", "three"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab up: error: --nodes needs a number"));
  }

  @Test
  void anUnknownPartIsNamed() {
    assertEquals(2, run("cluster"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab: error: unknown part 'cluster'"));
  }

  @Test
  void aBadNodeCountIsNamedBeforeAnythingStarts() {
    assertEquals(2, run("nodes", "many"));
    assertEquals("lab nodes: error: expected one node count 1..50, got many\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, run("nodes", "0"));
    assertEquals(2, run("nodes", "2", "3"));
  }
}
