package io.kubeferry.installer.host;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshOptions;
import io.kubeferry.installer.ssh.UploadResult;
import io.kubeferry.installer.ssh.internal.HostLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The machine the installer itself runs on ({@code connection: local}), as the write-ups run everything from the
 * first master: commands are local processes ({@code sh -c}, through {@code sudo -n} unless we are root), with no
 * sshd to ourselves. Same contract as over SSH: the options' command timeout, redacted output to the listener and
 * {@code <logDir>/<name>.log}, a one-time sudo check. Thread-safe.
 */
public final class LocalMachine implements Machine, AutoCloseable {
  private final String name;
  private final SshOptions options;
  private final boolean root;
  private final HostLog log;
  private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "local-output");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean sudoChecked;

  /** {@code options}: the same timeouts, log directory, listener and redactor as the SSH hosts get. */
  public LocalMachine(String name, SshOptions options) {
    this(name, options, "root".equals(System.getProperty("user.name")));
  }

  LocalMachine(String name, SshOptions options, boolean root) {
    this.name = name;
    this.options = options;
    this.root = root;
    this.log = new HostLog(options.logDir().orElse(null), name, options.redactor());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CommandResult run(RemoteCommand c) throws HostException {
    boolean sudo = c.asRoot() && !root;
    if (sudo) {
      checkSudo();
    }
    return exec(c, sudo);
  }

  private void checkSudo() throws HostException {
    if (sudoChecked) {
      return;
    }
    CommandResult r = exec(RemoteCommand.user("sudo -n true").withLabel("sudo -n true"), false);
    if (!r.ok()) {
      throw new HostException(HostException.Kind.ACCESS, "sudo refused for user '"
          + System.getProperty("user.name") + "' on " + name + " (this machine): " + r.lastErrorLine()
          + " (give the user passwordless sudo, or run the installer as root)");
    }
    sudoChecked = true;
  }

  private CommandResult exec(RemoteCommand c, boolean sudo) throws HostException {
    Duration timeout = c.timeout().orElse(options.commandTimeout());
    String label = options.redactor().redact(c.describe());
    log.event((sudo ? "sudo$ " : "$ ") + label);
    long start = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(c.argv(sudo)).start();
    } catch (IOException e) {
      throw new HostException(HostException.Kind.ACCESS, "could not run '" + label + "' on " + name + ": "
          + e.getMessage());
    }
    Future<String> out = pumps.submit(() -> pump(p.getInputStream(), false));
    Future<String> err = pumps.submit(() -> pump(p.getErrorStream(), true));
    try {
      try (OutputStream in = p.getOutputStream()) { // closed at once without stdin: the script reads EOF
        if (c.stdin().isPresent()) {
          in.write(c.stdin().get().bytes());
        }
      } catch (IOException e) {
        // the script exited without reading its input; its exit status tells what happened
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw new HostException(HostException.Kind.TIMEOUT, "could not run '" + label + "' on " + name
            + ": timed out after " + timeout.toSeconds() + " s");
      }
      String stdout = out.get(5, TimeUnit.SECONDS);
      String stderr = err.get(5, TimeUnit.SECONDS);
      log.event("exit " + p.exitValue());
      return new CommandResult(name, label, p.exitValue(), stdout, stderr, Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      kill(p);
      Thread.currentThread().interrupt();
      throw new HostException(HostException.Kind.CANCELLED, "could not run '" + label + "' on " + name
          + ": cancelled");
    } catch (ExecutionException | TimeoutException e) {
      kill(p);
      throw new HostException(HostException.Kind.ACCESS, "could not run '" + label + "' on " + name
          + ": its output could not be read (" + e + ")");
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private String pump(InputStream in, boolean stderr) throws IOException {
    StringBuilder all = new StringBuilder();
    try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in,
        java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String clean = options.redactor().redact(line);
        all.append(clean).append('\n');
        log.line(clean, stderr);
        options.listener().output(name, clean, stderr);
      }
    }
    return all.toString();
  }

  /** A local copy with the same guarantees as an SFTP upload: verified digest, renamed into place, skipped if there. */
  @Override
  public UploadResult upload(Path local, Digest digest, String remotePath) throws HostException {
    Path target = Path.of(remotePath);
    Path part = Path.of(remotePath + ".part");
    try {
      long size = Files.size(local);
      if (Files.isRegularFile(target) && Files.size(target) == size && digest.equals(sha256(target))) {
        log.event("copy " + remotePath + ": already present with " + digest);
        return new UploadResult(name, remotePath, digest, size, true, 0, 0);
      }
      Files.createDirectories(target.toAbsolutePath().getParent());
      log.event("copy " + local + " -> " + remotePath + " (" + size + " bytes)");
      Files.copy(local, part, StandardCopyOption.REPLACE_EXISTING);
      if (!digest.equals(sha256(part))) {
        Files.deleteIfExists(part);
        throw new HostException(HostException.Kind.TRANSFER, "could not copy " + local + " to " + remotePath
            + " on " + name + ": the copy does not have the file's " + digest);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      options.listener().uploadProgress(name, remotePath, size, size);
      return new UploadResult(name, remotePath, digest, size, false, 0, size);
    } catch (IOException e) {
      throw new HostException(HostException.Kind.TRANSFER, "could not copy " + local + " to " + remotePath + " on "
          + name + ": " + e.getMessage());
    }
  }

  private static Digest sha256(Path file) throws IOException {
    MessageDigest md = Digest.newSha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return Digest.sha256Hex(HexFormat.of().formatHex(md.digest()));
  }

  @Override
  public void close() {
    pumps.shutdownNow();
    log.close();
  }

  @Override
  public String toString() {
    return name + " (this machine)";
  }
}
