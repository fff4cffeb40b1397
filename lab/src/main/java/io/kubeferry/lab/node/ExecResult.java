package io.kubeferry.lab.node;

import java.util.Objects;

/**
 * Outcome of a command run inside a lab node with {@code docker exec}.
 *
 * @param exitCode the command's exit status
 * @param stdout   everything it wrote to standard output (UTF-8), never null
 * @param stderr   everything it wrote to standard error (UTF-8), never null
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** @return true when the exit status is 0 */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** @return standard output followed by standard error, for assertion messages */
  public String output() {
    return stdout + stderr;
  }
}
