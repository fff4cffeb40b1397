package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One lab target node: a container with systemd as PID 1 and sshd on port 22 of a fixed address on the lab
 * network. Log in as {@code root}, {@code kube} (passwordless sudo) or {@code nosudo} (no sudo) with
 * {@link #privateKey()}, checking the host key against {@link #knownHosts()}.
 *
 * <p>Thread safety: {@link #exec} may be called from several threads; {@link #stop}/{@link #start} not
 * concurrently with each other.
 */
public final class LabNode {
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(5);

  private final DockerClient docker;
  private final String containerId;
  private final String containerName;
  private final String hostname;
  private final String address;
  private final Path privateKey;
  private final Path knownHosts;

  LabNode(DockerClient docker, String containerId, String containerName, String hostname, String address,
      Path privateKey, Path knownHosts) {
    this.docker = docker;
    this.containerId = containerId;
    this.containerName = containerName;
    this.hostname = hostname;
    this.address = address;
    this.privateKey = privateKey;
    this.knownHosts = knownHosts;
  }

  /** @return the node's host name, {@code node1}, {@code node2}, ... (also its alias on the lab network) */
  public String hostname() {
    return hostname;
  }

  /** @return the node's fixed IPv4 address on the lab network, reachable from the test host */
  public String address() {
    return address;
  }

  /** @return the SSH port on {@link #address()}: always 22 */
  public int sshPort() {
    return 22;
  }

  /** @return the lab's ed25519 client key, authorized for root, kube and nosudo */
  public Path privateKey() {
    return privateKey;
  }

  /** @return the known_hosts file with the host keys of every node of the lab */
  public Path knownHosts() {
    return knownHosts;
  }

  /** @return the Docker container name, for {@code docker} commands in tests */
  public String containerName() {
    return containerName;
  }

  /**
   * Runs a command as root inside the node with {@code docker exec} (not over SSH), for test assertions and
   * fault injection. Waits at most 5 minutes.
   *
   * @param command the program and its arguments, e.g. {@code "systemctl", "is-active", "kubelet"}
   * @return exit status and output; a non-zero exit is a result, not an exception
   * @throws LabNodeException when the node is not running
   */
  public ExecResult exec(String... command) {
    if (command.length == 0) {
      throw new IllegalArgumentException("exec needs a command");
    }
    try {
      return DockerExec.run(docker, containerId, EXEC_TIMEOUT, command);
    } catch (DockerException e) {
      throw new LabNodeException("could not run " + Arrays.toString(command) + " on " + hostname + ": "
          + e.getMessage(), e);
    }
  }

  /** Shuts the node down cleanly (systemd halts; the container and its disk stay) — a host going down. */
  public void stop() {
    docker.stopContainerCmd(containerId).withTimeout(30).exec();
  }

  /** Boots a stopped node again (same address, same host keys) and waits until it is running and sshd answers. */
  public void start() {
    docker.startContainerCmd(containerId).exec();
    awaitReady(BOOT_TIMEOUT);
  }

  /** Waits until systemd reports {@code running} and sshd sends its banner. */
  void awaitReady(Duration timeout) {
    new NodeBoot(docker, containerId, containerName, hostname, address, sshPort()).await(timeout);
  }

  /** @return the node's public host keys as {@code type base64} pairs, read from /etc/ssh after first boot */
  List<String> hostKeys() {
    ExecResult result = exec("sh", "-c", "cat /etc/ssh/ssh_host_*_key.pub");
    if (!result.succeeded() || result.stdout().isBlank()) {
      throw new LabNodeException("could not read the host keys of lab node " + hostname + ": " + result.output());
    }
    return result.stdout().lines()
        .map(line -> line.split(" "))
        .filter(parts -> parts.length >= 2)
        .map(parts -> parts[0] + " " + parts[1])
        .toList();
  }

  /** Installs the client public key for root, kube and nosudo. */
  void authorize(String publicKeyLine) {
    ExecResult result = exec("sh", "-c",
        "set -e; for home in /root /home/kube /home/nosudo; do"
            + " user=$(stat -c %U \"$home\"); install -d -m 0700 -o \"$user\" -g \"$user\" \"$home/.ssh\";"
            + " printf '%s\\n' \"$1\" > \"$home/.ssh/authorized_keys\";"
            + " chown \"$user:$user\" \"$home/.ssh/authorized_keys\"; chmod 0600 \"$home/.ssh/authorized_keys\"; done",
        "sh", publicKeyLine);
    if (!result.succeeded()) {
      throw new LabNodeException("could not install the client key on lab node " + hostname + ": " + result.output());
    }
  }
}
