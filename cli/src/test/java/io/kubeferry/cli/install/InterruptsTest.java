package io.kubeferry.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.installer.plan.StepException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in a real process: the first cancels and the run ends with its report (130), the second exits at once. */
class InterruptsTest {
  @TempDir Path dir;

  private Process probe(String mode) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        InterruptProbe.class.getName(), dir.resolve("state").toString(), mode)
        .redirectError(dir.resolve("err.txt").toFile()).start();
  }

  private static void awaitReady(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine());
  }

  private static void sigint(Process p) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
  }

  @Test
  void theFirstCtrlCCancelsAndTheRunEndsWithItsReport() throws Exception {
    Process p = probe("cooperative");
    awaitReady(p);
    sigint(p);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the cancelled run ended");
    String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(130, p.exitValue());
    assertEquals("report: cancelled\n", rest);
    assertTrue(Files.readString(dir.resolve("err.txt")).contains("cancelling — press Ctrl-C again to exit now"));
    assertFalse(Files.exists(dir.resolve("state/checkpoints/@local/probe.wait")), "not recorded");
  }

  @Test
  void theSecondCtrlCExitsAtOnce() throws Exception {
    Process p = probe("stubborn");
    awaitReady(p);
    sigint(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.readString(dir.resolve("err.txt")).contains("cancelling") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    sigint(p);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the second Ctrl-C ended the process");
    assertEquals(130, p.exitValue());
    assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "no report: it exited");
  }

  @Test
  void exitCodesFollowTheFailureKind() {
    assertEquals(List.of(3, 2, 1, 1, 130, 1), List.of(StepException.Kind.INTEGRITY, StepException.Kind.USAGE,
        StepException.Kind.HOST, StepException.Kind.TIMEOUT, StepException.Kind.CANCELLED,
        StepException.Kind.INTERNAL).stream().map(InstallRun::exitCode).toList());
  }
}
