package io.kubeferry.installer.ssh;

import java.time.Duration;

/** What a command did on a host: exit status and its whole (redacted) output. */
public record CommandResult(String host, String command, int exitStatus, String stdout, String stderr,
    Duration elapsed) {
  public boolean ok() {
    return exitStatus == 0;
  }

  /** The last non-blank line of stderr (or stdout), for one-line error messages. */
  public String lastErrorLine() {
    for (String text : new String[] {stderr, stdout}) {
      String[] lines = text.strip().split("\n");
      if (lines.length > 0 && !lines[lines.length - 1].isBlank()) {
        return lines[lines.length - 1].strip();
      }
    }
    return "no output";
  }
}
