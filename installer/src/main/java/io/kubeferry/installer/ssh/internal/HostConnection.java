package io.kubeferry.installer.ssh.internal;

import io.kubeferry.installer.ssh.CommandResult;
import io.kubeferry.installer.ssh.RemoteCommand;
import io.kubeferry.installer.ssh.SshException;
import io.kubeferry.installer.ssh.SshException.Kind;
import io.kubeferry.installer.ssh.SshOptions;
import io.kubeferry.installer.ssh.SshTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The one place that owns an sshj client for a host: connection with retries, the per-host handshake limit, host-key
 * checking, key authentication, command execution with a timeout, and SFTP sessions. Reconnects when the
 * connection was lost between commands. Not thread-safe for connect; exec may be called concurrently.
 */
public final class HostConnection implements AutoCloseable {
  private static final DefaultConfig CONFIG = SshAlgorithms.config();

  private final SshTarget target;
  private final SshOptions options;
  private final KnownHostsStore knownHosts;
  private final Semaphore handshakes;
  private final ExecutorService pumps;
  private final HostLog log;
  private SSHClient client;

  public HostConnection(SshTarget target, SshOptions options, KnownHostsStore knownHosts, Semaphore handshakes,
      ExecutorService pumps, HostLog log) {
    this.target = target;
    this.options = options;
    this.knownHosts = knownHosts;
    this.handshakes = handshakes;
    this.pumps = pumps;
    this.log = log;
  }

  public HostLog log() {
    return log;
  }

  /** Connects and authenticates unless already connected; retries I/O failures, never key or auth failures. */
  public synchronized void ensureConnected() throws SshException {
    if (client != null && client.isConnected() && client.isAuthenticated()) {
      return;
    }
    closeQuietly();
    SshException last = null;
    for (int attempt = 1; attempt <= options.connectAttempts(); attempt++) {
      try {
        client = connectOnce();
        return;
      } catch (SshException e) {
        last = e;
        if (e.kind() != Kind.UNREACHABLE && e.kind() != Kind.CONNECTION_LOST) {
          throw e;
        }
        sleep(500L * attempt);
      }
    }
    throw last;
  }

  private SSHClient connectOnce() throws SshException {
    if (!Files.isReadable(target.key())) {
      throw new SshException(target.name(), Kind.AUTHENTICATION, "could not connect to " + target.name()
          + ": private key " + target.key() + " does not exist or is not readable");
    }
    SSHClient c = new SSHClient(CONFIG);
    Verifier verifier = new Verifier();
    c.addHostKeyVerifier(verifier);
    c.setSocketFactory(LowLatencySocketFactory.INSTANCE);
    c.setConnectTimeout((int) options.connectTimeout().toMillis());
    c.setTimeout((int) options.connectTimeout().toMillis());
    boolean permit = false;
    try {
      handshakes.acquire();
      permit = true;
      log.event("connect " + target.endpoint());
      c.connect(target.address(), target.port());
      KeyProvider key = loadKey(c);
      c.authPublickey(target.user(), key);
      c.setTimeout(0); // handshake done: commands have their own timeouts
      c.getConnection().getKeepAlive().setKeepAliveInterval(15);
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SshException(target.name(), Kind.INTERRUPTED, "could not connect to " + target.name()
          + ": cancelled");
    } catch (UserAuthException e) {
      closeQuietly(c);
      throw new SshException(target.name(), Kind.AUTHENTICATION, "could not log in to " + target.name() + " ("
          + target.endpoint() + "): the server refused key " + target.key() + " for user '" + target.user() + "'");
    } catch (IOException e) {
      closeQuietly(c);
      if (verifier.outcome == KnownHostsStore.Outcome.CHANGED) {
        throw new SshException(target.name(), Kind.HOST_KEY_CHANGED, "refusing to connect to " + target.name()
            + " (" + target.address() + ":" + target.port() + "): its host key CHANGED to " + verifier.fingerprint
            + ", which does not match " + knownHosts.file() + "; if the host was reinstalled, remove the old"
            + " entry (ssh-keygen -R) and check the new key out of band");
      }
      if (verifier.outcome == KnownHostsStore.Outcome.UNKNOWN) {
        throw new SshException(target.name(), Kind.HOST_KEY_UNKNOWN, "refusing to connect to " + target.name()
            + " (" + target.address() + ":" + target.port() + "): host key " + verifier.fingerprint
            + " is not in " + knownHosts.file() + "; add it, or pass --accept-new-host-keys to record first-seen"
            + " keys");
      }
      throw new SshException(target.name(), unreachable(e) ? Kind.UNREACHABLE : Kind.CONNECTION_LOST,
          "could not connect to " + target.name() + " (" + target.address() + ":" + target.port() + "): "
              + describe(e), e);
    } finally {
      if (permit) {
        handshakes.release();
      }
    }
  }

  private KeyProvider loadKey(SSHClient c) throws SshException {
    try {
      return c.loadKeys(target.key().toString());
    } catch (IOException | RuntimeException e) {
      throw new SshException(target.name(), Kind.AUTHENTICATION, "could not load private key " + target.key()
          + " for " + target.name() + ": " + describe(e) + " (passphrase-protected keys are not supported yet)");
    }
  }

  /** Runs the command with the executor's timeout, streaming lines to the log and the listener. */
  public CommandResult exec(RemoteCommand command, boolean sudo) throws SshException {
    ensureConnected();
    Duration timeout = command.timeout().orElse(options.commandTimeout());
    String label = options.redactor().redact(command.describe());
    log.event((command.asRoot() && sudo ? "sudo$ " : "$ ") + label);
    long start = System.nanoTime();
    try (Session session = client.startSession()) {
      Session.Command cmd = session.exec(command.wireText(sudo));
      Future<String> out = pumps.submit(() -> pump(cmd.getInputStream(), false));
      Future<String> err = pumps.submit(() -> pump(cmd.getErrorStream(), true));
      if (command.stdin().isPresent()) {
        try (java.io.OutputStream in = cmd.getOutputStream()) { // closing sends EOF: the script's read ends
          in.write(command.stdin().get().bytes());
        }
      }
      try {
        cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (net.schmizz.sshj.connection.ConnectionException e) {
        if (Thread.currentThread().isInterrupted()) {
          // Cancelled: drop the connection so sshd hangs up the remote process; the re-run resumes.
          closeQuietly();
          throw new SshException(target.name(), Kind.INTERRUPTED, "could not run '" + label + "' on "
              + target.name() + ": cancelled");
        }
        if (cmd.isOpen()) {
          // Closing the channel waits for the server, which waits for the process: drop the whole connection
          // instead (sshd then hangs up the remote process); the next command reconnects.
          closeQuietly();
          throw new SshException(target.name(), Kind.TIMEOUT, "could not run '" + label + "' on " + target.name()
              + ": timed out after " + timeout.toSeconds() + " s");
        }
        throw e;
      }
      String stdout = out.get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
      String stderr = err.get(5, TimeUnit.SECONDS);
      Integer status = cmd.getExitStatus();
      if (status == null) {
        if (!client.isConnected()) {
          throw lost(label, "connection closed");
        }
        status = -1;
        stderr = stderr + "\nkilled by signal " + cmd.getExitSignal();
      }
      log.event("exit " + status);
      return new CommandResult(target.name(), label, status, stdout, stderr,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (SshException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly();
      throw new SshException(target.name(), Kind.INTERRUPTED, "could not run '" + label + "' on " + target.name()
          + ": cancelled");
    } catch (Exception e) {
      throw lost(label, describe(e));
    }
  }

  private SshException lost(String label, String why) {
    closeQuietly();
    return new SshException(target.name(), Kind.CONNECTION_LOST, "could not run '" + label + "' on "
        + target.name() + ": connection lost (" + why + ")");
  }

  private String pump(InputStream in, boolean stderr) throws IOException {
    StringBuilder all = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String clean = options.redactor().redact(line);
        all.append(clean).append('\n');
        log.line(clean, stderr);
        options.listener().output(target.name(), clean, stderr);
      }
    }
    return all.toString();
  }

  /** A fresh SFTP session on this connection; the caller closes it. */
  public SFTPClient sftp() throws SshException {
    ensureConnected();
    try {
      return client.newSFTPClient();
    } catch (IOException e) {
      throw lost("sftp", describe(e));
    }
  }

  /** Drops the connection (the next call reconnects). */
  public synchronized void closeQuietly() {
    if (client != null) {
      closeQuietly(client);
      client = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
    log.close();
  }

  private static void closeQuietly(SSHClient c) {
    try {
      c.disconnect();
    } catch (IOException | RuntimeException ignored) {
      // already gone
    }
  }

  private static boolean unreachable(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.replace('\n', ' ');
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Per-connection verifier: delegates to the shared store and remembers what it found for the message. */
  private final class Verifier implements HostKeyVerifier {
    volatile KnownHostsStore.Outcome outcome;
    volatile String fingerprint;

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
      fingerprint = KnownHostsStore.fingerprint(key);
      outcome = knownHosts.check(hostname, port, key);
      if (outcome == KnownHostsStore.Outcome.RECORDED) {
        log.event("recorded new host key " + fingerprint + " in " + knownHosts.file());
        options.listener().notice(target.name(), "recorded new host key " + fingerprint + " in "
            + knownHosts.file());
      }
      return outcome == KnownHostsStore.Outcome.MATCH || outcome == KnownHostsStore.Outcome.RECORDED;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
      return knownHosts.knownAlgorithms(hostname, port);
    }
  }
}
