package io.kubeferry.installer.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A POSIX shell script to run on a host, with positional arguments that reach it quoted, never spliced into its
 * text. {@code asRoot} wraps it in {@code sudo -n} for non-root targets; {@code timeout} overrides the executor's
 * default; {@code label} is what logs and errors call it (defaults to the script's name and arguments, or the script
 * itself); {@code name} names a resource script ({@code scripts/<name>.sh}); {@code stdin} is sent to the script's
 * standard input, the only way secrets and file contents travel (argv is visible to every user in {@code ps}).
 */
public record RemoteCommand(String script, List<String> args, boolean asRoot, Optional<Duration> timeout,
    Optional<String> label, Optional<String> name, Optional<Stdin> stdin) {

  /** Bytes for the command's standard input; {@link #toString()} never shows them. */
  public record Stdin(byte[] bytes) {
    public Stdin {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public String toString() {
      return "Stdin[" + bytes.length + " bytes]";
    }
  }

  public RemoteCommand {
    Objects.requireNonNull(script, "script");
    args = List.copyOf(args);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stdin, "stdin");
  }

  /** A command run as the SSH user. */
  public static RemoteCommand user(String script) {
    return new RemoteCommand(script, List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** A command run as root (through sudo when the target needs it). */
  public static RemoteCommand root(String script) {
    return user(script).asRoot(true);
  }

  public RemoteCommand asRoot(boolean root) {
    return new RemoteCommand(script, args, root, timeout, label, name, stdin);
  }

  public RemoteCommand withArgs(List<String> a) {
    return new RemoteCommand(script, a, asRoot, timeout, label, name, stdin);
  }

  public RemoteCommand withName(String n) {
    return new RemoteCommand(script, args, asRoot, timeout, label, Optional.of(n), stdin);
  }

  public RemoteCommand withStdin(byte[] bytes) {
    return new RemoteCommand(script, args, asRoot, timeout, label, name, Optional.of(new Stdin(bytes)));
  }

  public RemoteCommand withTimeout(Duration t) {
    return new RemoteCommand(script, args, asRoot, Optional.of(t), label, name, stdin);
  }

  public RemoteCommand withLabel(String l) {
    return new RemoteCommand(script, args, asRoot, timeout, Optional.of(l), name, stdin);
  }

  /** How messages name this command. */
  public String describe() {
    String s = label.orElseGet(() -> name.map(n -> args.isEmpty() ? n : n + " " + String.join(" ", args))
        .orElse(script.strip()));
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  /** The script's {@code $0}: what {@code ps} and the script's own error messages show. */
  public String arg0() {
    return "kubeferry-" + name.orElse("sh");
  }

  /** The argument vector for a local process: {@code sh -c <script> <arg0> <args...>}, behind sudo when asked. */
  public List<String> argv(boolean sudo) {
    List<String> out = new java.util.ArrayList<>();
    if (asRoot && sudo) {
      out.addAll(List.of("sudo", "-n", "--"));
    }
    out.addAll(List.of("sh", "-c", script, arg0()));
    out.addAll(args);
    return out;
  }

  /** The text sent to the SSH server: {@code sh -c '<script>' [arg0 'args'...]}, through {@code sudo -n} when needed. */
  public String wireText(boolean sudo) {
    StringBuilder sb = new StringBuilder(asRoot && sudo ? "sudo -n -- sh -c " : "sh -c ");
    sb.append(ShellQuote.quote(script));
    if (!args.isEmpty() || name.isPresent()) {
      sb.append(' ').append(ShellQuote.quote(arg0()));
      args.forEach(a -> sb.append(' ').append(ShellQuote.quote(a)));
    }
    return sb.toString();
  }
}
