package io.kubeferry.installer.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 for tests: its own host key, a client key authorized for root, an
 * {@code internal-sftp} subsystem, an empty root home. Needs root (the tests run as root here), {@code unshare} and
 * {@code /usr/sbin/sshd}. Restartable
 * with a new host key to simulate a reinstalled host. Stop it with {@link #close()}.
 */
public final class LocalSshd implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final boolean raiseLimits;
  private Process process;

  private LocalSshd(Path dir, int port, boolean raiseLimits) {
    this.dir = dir;
    this.port = port;
    this.raiseLimits = raiseLimits;
  }

  /** Starts a server with a fresh ed25519 host key and a fresh ed25519 client key in {@code dir}. */
  public static LocalSshd start(Path dir) throws IOException, InterruptedException {
    return start(dir, "127.0.0.1", freePort());
  }

  /** Starts a server listening on {@code address:port}, with raised MaxStartups so benchmarks are not throttled. */
  public static LocalSshd start(Path dir, String address, int port) throws IOException, InterruptedException {
    return start(dir, address, port, true);
  }

  /** Starts a server with OpenSSH's default MaxStartups (10:30:100) unless {@code raiseLimits}. */
  public static LocalSshd start(Path dir, String address, int port, boolean raiseLimits)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
    LocalSshd s = new LocalSshd(dir, port, raiseLimits);
    if (!Files.exists(dir.resolve("client"))) {
      keygen(dir.resolve("client"), "ed25519");
    }
    Files.createDirectories(dir.resolve("auth"));
    Files.copy(dir.resolve("client.pub"), dir.resolve("auth/authorized_keys"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    s.newHostKey("ed25519");
    Files.writeString(dir.resolve("sshd_config"), String.join("\n",
        "Port " + port,
        "ListenAddress " + address,
        "HostKey " + dir.resolve("hostkey"),
        "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + dir.resolve("auth/authorized_keys"),
        "StrictModes no",
        "UsePAM no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        "PermitRootLogin prohibit-password",
        raiseLimits ? "MaxStartups 100:30:200" : "# default MaxStartups 10:30:100",
        "MaxSessions 50",
        "LogLevel ERROR",
        "Subsystem sftp internal-sftp", ""));
    s.startProcess();
    return s;
  }

  /** Replaces the host key (of the given ssh-keygen type); takes effect at the next {@link #restart()}. */
  public void newHostKey(String type) throws IOException, InterruptedException {
    Files.deleteIfExists(dir.resolve("hostkey"));
    Files.deleteIfExists(dir.resolve("hostkey.pub"));
    keygen(dir.resolve("hostkey"), type);
  }

  public void restart() throws IOException, InterruptedException {
    stop();
    startProcess();
  }

  private void startProcess() throws IOException, InterruptedException {
    // sshd runs in a private mount namespace with an empty tmpfs over /root: its sessions start like a fresh
    // node's, not with this machine's root dotfiles (here /root/.bashrc runs `pyenv init`, about 100 forks and
    // 150 ms of CPU per SSH command, which dwarfed everything the tests and the fan-out benchmark measure).
    // -r (with raised limits only): no re-exec per connection, so a lab target costs the shared CPU less.
    List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--",
        "sh", "-c", "mount -t tmpfs -o mode=0700 kubeferry-empty-home /root && exec \"$@\"", "sh",
        "/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString()));
    if (raiseLimits) {
      cmd.add("-r");
    }
    process = new ProcessBuilder(cmd)
        .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.out").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IOException("sshd exited: " + Files.readString(dir.resolve("sshd.out")));
        }
        Thread.sleep(50);
      }
    }
    throw new IOException("sshd did not listen on " + port);
  }

  /** Stops the server and every session process it started (as a host going down would). */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
      process.destroy();
      children.forEach(ProcessHandle::destroy);
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  public int port() {
    return port;
  }

  /** The sshd listener's process id (its reaped connection children's CPU time is counted under it). */
  public long pid() {
    return process.pid();
  }

  public Path clientKey() {
    return dir.resolve("client");
  }

  /** The host public key line ("ssh-ed25519 AAAA..."). */
  public String hostKeyLine() throws IOException {
    return Files.readString(dir.resolve("hostkey.pub")).strip();
  }

  /** A known_hosts line for this server. */
  public String knownHostsLine() throws IOException {
    String[] parts = hostKeyLine().split(" ");
    return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1];
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static void keygen(Path file, String type) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("ssh-keygen failed: " + out);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
