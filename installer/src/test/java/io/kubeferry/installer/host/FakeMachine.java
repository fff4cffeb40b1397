package io.kubeferry.installer.host;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.UploadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A {@link Machine} for unit tests: a model of a host's files (path to content, mode and generation, the number of
 * times it was replaced, like an mtime) and of its other state (services, packages, kernel settings as strings),
 * and a record of every operation. Commands are answered by handlers registered by script name (or label for
 * unnamed commands); each handler may change the model. {@code read-checkpoints}, {@code read-file} and
 * {@link #write} work on the file model natively. An unexpected command fails the test. An optional
 * {@link Killer} ends the run abruptly at a chosen operation. Thread-safe (one lock).
 */
public final class FakeMachine implements Machine {
  /** One file: content, octal mode, and how many times it was written (an unchanged write does not count). */
  public record File(String content, String mode, int generation) {}

  /** One operation as the machine saw it. */
  public record Call(String op, String name, List<String> args, boolean root, String stdin) {}

  /** Answers a command, possibly changing the model. */
  @FunctionalInterface
  public interface Handler {
    CommandResult handle(FakeMachine m, RemoteCommand c) throws HostException;
  }

  private final String name;
  private final Map<String, File> files = new TreeMap<>();
  private final Map<String, String> state = new TreeMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Handler> handlers = new TreeMap<>();
  private Killer killer = Killer.NEVER;

  public FakeMachine(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** Answers commands named {@code scriptOrLabel} (a resource script's name, or the label of an unnamed one). */
  public synchronized FakeMachine on(String scriptOrLabel, Handler h) {
    handlers.put(scriptOrLabel, h);
    return this;
  }

  /** A fixed answer. */
  public FakeMachine answer(String scriptOrLabel, int exit, String stdout) {
    return on(scriptOrLabel, (m, c) -> m.result(c, exit, stdout, ""));
  }

  public synchronized FakeMachine killer(Killer k) {
    killer = k;
    return this;
  }

  @Override
  public synchronized CommandResult run(RemoteCommand c) throws HostException {
    killer.beforeOperation();
    String key = c.name().orElse(c.label().orElse(c.script()));
    calls.add(new Call("run", key, c.args(), c.asRoot(),
        c.stdin().map(s -> new String(s.bytes(), StandardCharsets.UTF_8)).orElse("")));
    switch (key) {
      case "read-checkpoints" -> {
        String dir = c.args().get(0) + "/";
        StringBuilder out = new StringBuilder();
        files.forEach((p, f) -> {
          if (p.startsWith(dir) && !p.substring(dir.length()).contains("/")) {
            out.append(p.substring(dir.length())).append(' ').append(f.content().strip()).append('\n');
          }
        });
        return result(c, 0, out.toString(), "");
      }
      case "read-file" -> {
        File f = files.get(c.args().get(0));
        return f == null ? result(c, 3, "", "") : result(c, 0, f.content(), "");
      }
      default -> {
        Handler h = handlers.get(key);
        if (h == null) {
          throw new AssertionError(name + ": unexpected command " + key + " " + c.args());
        }
        return h.handle(this, c);
      }
    }
  }

  @Override
  public synchronized boolean write(byte[] content, String path, String mode) throws HostException {
    killer.beforeOperation();
    String text = new String(content, StandardCharsets.UTF_8);
    calls.add(new Call("write", path, List.of(mode), true, text));
    return put(path, text, mode);
  }

  @Override
  public synchronized UploadResult upload(Path local, Digest digest, String remotePath) throws HostException {
    killer.beforeOperation();
    calls.add(new Call("upload", remotePath, List.of(digest.toString()), false, ""));
    try {
      long size = Files.size(local);
      if (!digest.equals(Digest.sha256Of(Files.readAllBytes(local)))) {
        throw new HostException(HostException.Kind.TRANSFER, "could not upload " + local + " to " + name
            + ": digest mismatch");
      }
      boolean skipped = !put(remotePath, "upload " + digest, "0644");
      return new UploadResult(name, remotePath, digest, size, skipped, 0, skipped ? 0 : size);
    } catch (java.io.IOException e) {
      throw new HostException(HostException.Kind.TRANSFER, e.getMessage());
    }
  }

  /** Makes {@code path} hold {@code content}; true when it changed (then its generation goes up). */
  public synchronized boolean put(String path, String content, String mode) {
    File old = files.get(path);
    if (old != null && old.content().equals(content) && old.mode().equals(mode)) {
      return false;
    }
    files.put(path, new File(content, mode, old == null ? 1 : old.generation() + 1));
    return true;
  }

  public synchronized Optional<File> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public synchronized void remove(String path) {
    files.remove(path);
  }

  public synchronized Map<String, File> files() {
    return new TreeMap<>(files);
  }

  /** Other host state: {@code key} to value ({@code null} removes). */
  public synchronized void set(String key, String value) {
    if (value == null) {
      state.remove(key);
    } else {
      state.put(key, value);
    }
  }

  public synchronized String get(String key) {
    return state.get(key);
  }

  public synchronized Map<String, String> state() {
    return new TreeMap<>(state);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls matching {@code p}. */
  public List<Call> calls(Predicate<Call> p) {
    return calls().stream().filter(p).toList();
  }

  /** Operations that could change the host: writes, uploads, and commands other than the read-only ones. */
  public List<Call> effects() {
    return calls(c -> !c.name().equals("read-checkpoints") && !c.name().equals("read-file"));
  }

  public synchronized void clearCalls() {
    calls.clear();
  }

  /** Files and state together, for comparing end states. */
  public synchronized String snapshot() {
    StringBuilder sb = new StringBuilder();
    files.forEach((p, f) -> sb.append(p).append(' ').append(f.mode()).append(" gen ").append(f.generation())
        .append(": ").append(f.content().replace("\n", "\\n")).append('\n'));
    state.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  public CommandResult result(RemoteCommand c, int exit, String stdout, String stderr) {
    return new CommandResult(name, c.describe(), exit, stdout, stderr, Duration.ZERO);
  }
}
