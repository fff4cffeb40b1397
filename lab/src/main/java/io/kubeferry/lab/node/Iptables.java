package io.kubeferry.lab.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Docker host's {@code iptables} (the same program, and so the same backend, that dockerd uses for its
 * own rules) with {@code -w}, so concurrent callers and dockerd wait for each other's xtables lock.
 */
final class Iptables {
  private static final long TIMEOUT_SECONDS = 60;

  private final String executable;

  Iptables(String executable) {
    this.executable = executable;
  }

  /** @return the host's iptables: the first on PATH, else /usr/sbin/iptables */
  static Iptables host() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "iptables"))) {
        return new Iptables(Path.of(dir, "iptables").toString());
      }
    }
    return new Iptables("iptables");
  }

  /** @return the exit status and output; a program that cannot be run gives exit status -1 and the reason */
  ExecResult run(List<String> args) {
    List<String> command = new ArrayList<>(List.of(executable, "-w"));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
          "/dev/null"))).start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new ExecResult(-1, "", "no exit within " + TIMEOUT_SECONDS + " s");
      }
      return new ExecResult(process.exitValue(), new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new ExecResult(-1, "", "cannot run " + executable + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabNodeException("interrupted while running " + String.join(" ", command), e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  @Override
  public String toString() {
    return executable + " -w";
  }
}
