package io.kubeferry.installer.ssh;

import io.kubeferry.core.Digest;
import io.kubeferry.installer.ssh.SshException.Kind;
import io.kubeferry.installer.ssh.internal.HostConnection;
import io.kubeferry.installer.ssh.internal.HostLog;
import io.kubeferry.installer.ssh.internal.KnownHostsStore;
import io.kubeferry.installer.ssh.internal.SftpUploader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.security.MessageDigest;

/**
 * Runs commands and uploads files on hosts over SSH. Keeps one authenticated connection per target (opened on
 * first use, reopened if lost), checks host keys against the known_hosts file, runs root commands through
 * {@code sudo -n} after checking once that sudo works, and limits concurrent handshakes per address. Output goes to
 * the listener and to {@code <logDir>/<host>.log}, redacted. Thread-safe: call it from many threads, one per host;
 * use {@link FanOut} to bound how many hosts are worked on at once.
 */
public final class SshExecutor implements AutoCloseable {
  private final SshOptions options;
  private final KnownHostsStore knownHosts;
  private final Map<String, HostConnection> connections = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> handshakes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> sudoChecked = new ConcurrentHashMap<>();
  private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ssh-output");
    t.setDaemon(true);
    return t;
  });

  public SshExecutor(SshOptions options) {
    this.options = options;
    this.knownHosts = new KnownHostsStore(options.knownHosts(), options.acceptNewHostKeys());
  }

  public SshOptions options() {
    return options;
  }

  /** Opens (or checks) the connection to {@code t}: reachability, host key and authentication. */
  public void connect(SshTarget t) throws SshException {
    connection(t).ensureConnected();
  }

  /** Runs {@code c} and returns its result whatever the exit status. */
  public CommandResult run(SshTarget t, RemoteCommand c) throws SshException {
    if (c.asRoot() && t.sudo()) {
      checkSudo(t);
    }
    return connection(t).exec(c, t.sudo());
  }

  /** Runs {@code c}; a non-zero exit status becomes an {@link SshException} naming the host and command. */
  public CommandResult check(SshTarget t, RemoteCommand c) throws SshException {
    CommandResult r = run(t, c);
    if (!r.ok()) {
      throw new SshException(t.name(), Kind.COMMAND_FAILED, "could not run '" + r.command() + "' on " + t.name()
          + ": exit status " + r.exitStatus() + ": " + r.lastErrorLine());
    }
    return r;
  }

  /**
   * Uploads {@code local} to {@code remotePath} (as the SSH user; missing directories are created) and verifies its
   * sha256 on the far side. Resumes an interrupted upload; skips a file already there with the same digest.
   */
  public UploadResult upload(SshTarget t, Path local, String remotePath) throws SshException {
    return upload(t, local, sha256(local, t), remotePath);
  }

  /** As {@link #upload(SshTarget, Path, String)} with a digest the caller already knows. */
  public UploadResult upload(SshTarget t, Path local, Digest digest, String remotePath) throws SshException {
    HostConnection c = connection(t);
    return new SftpUploader(c, t.name(), options.listener()).upload(local, digest, remotePath);
  }

  /** Drops the connection to {@code t}; the next call reconnects. */
  public void disconnect(SshTarget t) {
    HostConnection c = connections.get(key(t));
    if (c != null) {
      c.closeQuietly();
    }
  }

  private void checkSudo(SshTarget t) throws SshException {
    if (sudoChecked.containsKey(key(t))) {
      return;
    }
    CommandResult r = connection(t).exec(RemoteCommand.user("sudo -n true").withLabel("sudo -n true"), false);
    if (!r.ok()) {
      throw new SshException(t.name(), Kind.SUDO_REFUSED, "sudo refused for user '" + t.user() + "' on "
          + t.name() + ": " + r.lastErrorLine() + " (give the user passwordless sudo, or connect as root)");
    }
    sudoChecked.put(key(t), true);
  }

  private HostConnection connection(SshTarget t) {
    return connections.computeIfAbsent(key(t), k -> new HostConnection(t, options, knownHosts,
        handshakes.computeIfAbsent(t.address() + ":" + t.port(), a -> new Semaphore(options.maxHandshakesPerHost())),
        pumps, new HostLog(options.logDir().orElse(null), t.name(), options.redactor())));
  }

  private static String key(SshTarget t) {
    return t.name() + "|" + t.endpoint();
  }

  private static Digest sha256(Path file, SshTarget t) throws SshException {
    MessageDigest md = Digest.newSha256();
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new SshException(t.name(), Kind.TRANSFER, "could not read " + file + " for upload to " + t.name()
          + ": " + e.getMessage());
    }
    return Digest.sha256Hex(HexFormat.of().formatHex(md.digest()));
  }

  @Override
  public void close() {
    connections.values().forEach(HostConnection::close);
    connections.clear();
    pumps.shutdownNow();
  }
}
