package io.kubeferry.installer.ssh;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A POSIX shell script to run on a host. {@code asRoot} wraps it in {@code sudo -n} for non-root targets;
 * {@code timeout} overrides the executor's default; {@code label} is what logs and errors call it (defaults to the
 * script itself).
 */
public record RemoteCommand(String script, boolean asRoot, Optional<Duration> timeout, Optional<String> label) {
  public RemoteCommand {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(label, "label");
  }

  /** A command run as the SSH user. */
  public static RemoteCommand user(String script) {
    return new RemoteCommand(script, false, Optional.empty(), Optional.empty());
  }

  /** A command run as root (through sudo when the target needs it). */
  public static RemoteCommand root(String script) {
    return new RemoteCommand(script, true, Optional.empty(), Optional.empty());
  }

  public RemoteCommand withTimeout(Duration t) {
    return new RemoteCommand(script, asRoot, Optional.of(t), label);
  }

  public RemoteCommand withLabel(String l) {
    return new RemoteCommand(script, asRoot, timeout, Optional.of(l));
  }

  /** How messages name this command. */
  public String describe() {
    String s = label.orElse(script.strip());
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  /** The text sent to the SSH server: {@code sh -c '<script>'}, through {@code sudo -n} when needed. */
  public String wireText(boolean sudo) {
    String quoted = ShellQuote.quote(script);
    return asRoot && sudo ? "sudo -n -- sh -c " + quoted : "sh -c " + quoted;
  }
}
