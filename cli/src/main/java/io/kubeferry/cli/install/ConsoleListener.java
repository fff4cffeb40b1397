package io.kubeferry.cli.install;

import io.kubeferry.installer.plan.Phase;
import io.kubeferry.installer.plan.RunListener;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepResult;
import io.kubeferry.installer.ssh.SshListener;
import java.io.PrintWriter;

/**
 * Renders progress on stderr: each host's output prefixed with {@code [host]}, step starts and ends, upload
 * progress in whole percent steps. Synchronized so lines of different hosts never interleave mid-line.
 */
final class ConsoleListener implements SshListener, RunListener {
  private final PrintWriter err;
  private final boolean verbose;

  ConsoleListener(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public synchronized void output(String host, String line, boolean stderr) {
    if (verbose) {
      err.println("[" + host + "] " + line);
    }
  }

  @Override
  public synchronized void uploadProgress(String host, String remotePath, long sent, long total) {
    long pct = total == 0 ? 100 : sent * 100 / total;
    err.println("[" + host + "] upload " + remotePath + " " + pct + "% (" + sent / 1024 + " KiB)");
  }

  @Override
  public synchronized void notice(String host, String message) {
    err.println("[" + host + "] " + message);
  }

  @Override
  public synchronized void phaseStarted(Phase phase) {
    err.println("== " + phase.name());
  }

  @Override
  public synchronized void stepStarted(String host, Step step) {
    err.println("[" + host + "] " + step.id() + ": " + step.describe());
  }

  @Override
  public synchronized void stepFinished(StepResult r) {
    err.println("[" + r.host() + "] " + r.step() + ": " + r.status().label()
        + (r.detail().isEmpty() ? "" : " - " + r.detail()));
  }
}
