package io.kubeferry.lab.yum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real tools the lab drives (gpg, rpmbuild, rpmsign, createrepo_c, dnf) and fails loudly with their output. */
public final class Processes {
  private Processes() {}

  /** The outcome of one command: exit code and combined stdout+stderr. */
  public record Outcome(int exitCode, String output) {}

  /**
   * Runs {@code command} with extra environment variables, waits at most {@code timeoutSeconds}, and returns the
   * outcome whatever the exit code.
   */
  public static Outcome run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Path log = Files.createTempFile("kubeferry-lab-proc", ".log");
    try {
      pb.redirectOutput(log.toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process p = pb.start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new IOException("could not run " + command.get(0) + ": timed out after " + timeoutSeconds + " s ("
              + String.join(" ", command) + ")");
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + command.get(0), e);
      }
      return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Like {@link #run} but throws with the tool's output when it exits non-zero. */
  public static String check(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds)
      throws IOException {
    Outcome o = run(command, env, workDir, timeoutSeconds);
    if (o.exitCode() != 0) {
      throw new IOException("could not run " + command.get(0) + ": exit " + o.exitCode() + " ("
          + String.join(" ", command) + ")\n" + o.output());
    }
    return o.output();
  }
}
