package io.kubeferry.installer.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@link SshExecutor} behaves. Use {@link #defaults(Path)} and the {@code with*} methods.
 *
 * @param knownHosts OpenSSH known_hosts file checked for every host key (hashed entries work)
 * @param acceptNewHostKeys record a key seen for the first time instead of refusing; a changed key is refused anyway
 * @param connectTimeout TCP connect and handshake timeout
 * @param commandTimeout default per-command timeout
 * @param connectAttempts attempts for a connection that fails with an I/O error (not for auth or host-key errors)
 * @param maxHandshakesPerHost concurrent handshakes to one address:port (sshd's MaxStartups starts dropping at 10)
 * @param logDir where {@code <host>.log} files go; empty: no logs
 * @param listener receives output and progress
 * @param redactor removes secrets from everything logged or reported
 */
public record SshOptions(
    Path knownHosts,
    boolean acceptNewHostKeys,
    Duration connectTimeout,
    Duration commandTimeout,
    int connectAttempts,
    int maxHandshakesPerHost,
    Optional<Path> logDir,
    SshListener listener,
    Redactor redactor) {

  public SshOptions {
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(logDir, "logDir");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(redactor, "redactor");
    if (connectAttempts < 1 || maxHandshakesPerHost < 1) {
      throw new IllegalArgumentException("connectAttempts and maxHandshakesPerHost must be at least 1");
    }
  }

  /**
   * Strict host-key checking against {@code knownHosts}, 15 s connect, 10 min commands, 3 attempts, at most 6
   * handshakes per address (sshd starts refusing above 10 unauthenticated connections, and learns of finished
   * authentications with some delay, so we keep a margin).
   */
  public static SshOptions defaults(Path knownHosts) {
    return new SshOptions(knownHosts, false, Duration.ofSeconds(15), Duration.ofMinutes(10), 3, 6,
        Optional.empty(), SshListener.NONE, new Redactor());
  }

  public SshOptions withAcceptNewHostKeys(boolean accept) {
    return new SshOptions(knownHosts, accept, connectTimeout, commandTimeout, connectAttempts,
        maxHandshakesPerHost, logDir, listener, redactor);
  }

  public SshOptions withTimeouts(Duration connect, Duration command) {
    return new SshOptions(knownHosts, acceptNewHostKeys, connect, command, connectAttempts,
        maxHandshakesPerHost, logDir, listener, redactor);
  }

  public SshOptions withConnectAttempts(int attempts) {
    return new SshOptions(knownHosts, acceptNewHostKeys, connectTimeout, commandTimeout, attempts,
        maxHandshakesPerHost, logDir, listener, redactor);
  }

  public SshOptions withLogDir(Path dir) {
    return new SshOptions(knownHosts, acceptNewHostKeys, connectTimeout, commandTimeout, connectAttempts,
        maxHandshakesPerHost, Optional.of(dir), listener, redactor);
  }

  public SshOptions withListener(SshListener l) {
    return new SshOptions(knownHosts, acceptNewHostKeys, connectTimeout, commandTimeout, connectAttempts,
        maxHandshakesPerHost, logDir, l, redactor);
  }
}
