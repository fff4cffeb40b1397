package io.kubeferry.installer.ssh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * The known_hosts file shared by every connection. Checks a presented key and, when allowed, records a key seen for
 * the first time. A key that differs from a recorded one of the same type is never accepted. Thread-safe: all
 * access is synchronized, because handshakes to many hosts run concurrently and may append to the file.
 */
public final class KnownHostsStore {
  /** What the check found. */
  public enum Outcome { MATCH, RECORDED, UNKNOWN, CHANGED }

  private final Path file;
  private final boolean acceptNew;
  private OpenSSHKnownHosts hosts;

  public KnownHostsStore(Path file, boolean acceptNew) {
    this.file = file;
    this.acceptNew = acceptNew;
  }

  public Path file() {
    return file;
  }

  /** Checks {@code key} for {@code host:port}, recording it if it is new and new keys are accepted. */
  public synchronized Outcome check(String host, int port, PublicKey key) {
    OpenSSHKnownHosts kh = load();
    if (kh.verify(host, port, key)) {
      return Outcome.MATCH;
    }
    String entryHost = port == 22 ? host : "[" + host + "]:" + port;
    KeyType type = KeyType.fromKey(key);
    boolean known = kh.entries().stream().anyMatch(e -> {
      try {
        return e.appliesTo(type, entryHost);
      } catch (IOException ex) {
        return false;
      }
    });
    if (known) {
      return Outcome.CHANGED;
    }
    if (!acceptNew) {
      return Outcome.UNKNOWN;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      kh.write(new OpenSSHKnownHosts.HostEntry(null, entryHost, type, key));
    } catch (IOException e) {
      throw new UncheckedIOException("could not record host key in " + file + ": " + e.getMessage(), e);
    }
    return Outcome.RECORDED;
  }

  /** Key types already recorded for the host, so the handshake asks for one of them first. */
  public synchronized List<String> knownAlgorithms(String host, int port) {
    return load().findExistingAlgorithms(host, port);
  }

  /** "SHA256:..." as OpenSSH prints it, for messages. */
  public static String fingerprint(PublicKey key) {
    byte[] blob = new net.schmizz.sshj.common.Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    byte[] sha = io.kubeferry.core.Digest.newSha256().digest(blob);
    return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(sha);
  }

  private OpenSSHKnownHosts load() {
    if (hosts == null) {
      try {
        hosts = new OpenSSHKnownHosts(file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("could not read known_hosts " + file + ": " + e.getMessage(), e);
      }
    }
    return hosts;
  }
}
