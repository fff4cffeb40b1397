package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * N lab target nodes ({@code node1..nodeN} at 172.30.X.10, .11, ...) on their own internal Docker network,
 * with a generated ed25519 client key authorized for root, kube and nosudo, and a known_hosts file holding
 * every node's own host keys. Never pulls an image: the node image comes from {@code scripts/setup-test-env}.
 *
 * <pre>{@code
 * try (LabNodes lab = LabNodes.start(3)) {
 *   LabNode node = lab.nodes().get(0);   // ssh root@node.address() -i lab.clientKey(), known_hosts lab.knownHosts()
 * }
 * }</pre>
 *
 * <p>{@link #close()} removes the containers, the network and the key directory; a JVM shutdown hook does the
 * same if close is never reached, and the next start removes what a killed JVM left behind.
 */
public final class LabNodes implements AutoCloseable {
  private static final String NAME_PREFIX = "kubeferry-lab-";

  private final String instance;
  private final LabNetwork network;
  private final List<LabNode> nodes;
  private final Path dir;
  private final ClientKey clientKey;
  private final Duration startupTime;
  private final Thread shutdownHook;

  private LabNodes(String instance, LabNetwork network, List<LabNode> nodes, Path dir, ClientKey clientKey,
      Duration startupTime, Thread shutdownHook) {
    this.instance = instance;
    this.network = network;
    this.nodes = List.copyOf(nodes);
    this.dir = dir;
    this.clientKey = clientKey;
    this.startupTime = startupTime;
    this.shutdownHook = shutdownHook;
  }

  /**
   * Starts {@code n} nodes and waits until each runs systemd in state {@code running} and answers on SSH.
   *
   * @param n number of nodes, 1 to 50
   * @throws LabNodeException when the image is missing ("run scripts/setup-test-env"), Docker refuses, or a
   *     node does not boot cleanly (the message lists its failed units); nothing is left behind then
   */
  public static LabNodes start(int n) {
    if (n < 1 || n > 50) {
      throw new IllegalArgumentException("lab node count must be 1..50, got " + n);
    }
    long began = System.nanoTime();
    DockerClient docker;
    try {
      docker = DockerClientFactory.instance().client();
    } catch (IllegalStateException e) { // Testcontainers' way of saying it found no usable Docker daemon
      throw new LabNodeException("could not reach Docker: " + e.getMessage() + ": run scripts/setup-test-env", e);
    }
    LabNodeImage image = LabNodeImage.expected();
    requireImage(docker, image);
    StaleLabResources.remove(docker);

    String instance = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Map<String, String> labels = LabLabels.forInstance(instance);
    List<LabNode> nodes = new ArrayList<>();
    Path dir = null;
    LabNetwork network = null;
    Thread hook = null;
    try {
      dir = Files.createTempDirectory("kubeferry-lab-nodes-");
      ClientKey key = ClientKey.generate(dir, "kubeferry-lab-" + instance);
      Path knownHosts = dir.resolve("known_hosts");
      network = LabNetwork.create(docker, NAME_PREFIX + instance, labels);
      hook = cleanupHook(nodes, network, dir);
      Runtime.getRuntime().addShutdownHook(hook);
      // Create and start every container first so they boot in parallel, then wait for each.
      for (int i = 0; i < n; i++) {
        nodes.add(startContainer(docker, image, network, labels, instance, i, key, knownHosts));
      }
      StringBuilder hosts = new StringBuilder();
      for (LabNode node : nodes) {
        node.authorize(key.publicKey());
        node.awaitReady(LabNode.BOOT_TIMEOUT);
        for (String hostKey : node.hostKeys()) {
          hosts.append(node.hostname()).append(',').append(node.address()).append(' ').append(hostKey).append('\n');
        }
      }
      writeAtomically(knownHosts, hosts.toString());
      return new LabNodes(instance, network, nodes, dir, key, Duration.ofNanos(System.nanoTime() - began), hook);
    } catch (IOException | RuntimeException e) {
      removeAll(nodes, network, dir);
      if (hook != null) {
        removeHook(hook);
      }
      if (e instanceof LabNodeException labError) {
        throw labError;
      }
      throw new LabNodeException("could not start " + n + " lab nodes: " + e.getMessage(), e);
    }
  }

  private static LabNode startContainer(DockerClient docker, LabNodeImage image, LabNetwork network,
      Map<String, String> labels, String instance, int index, ClientKey key, Path knownHosts) {
    String hostname = "node" + (index + 1);
    String name = NAME_PREFIX + instance + "-" + hostname;
    String address = network.address(index);
    @SuppressWarnings("resource") // closed through LabNode.remove(): Testcontainers' stop() would not keep the disk
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image.name()))
        .withImagePullPolicy(imageName -> false) // never pull: requireImage() checked it is local
        .withNetwork(network)
        .withNetworkAliases(hostname)
        .withLabels(labels)
        .withCreateContainerCmdModifier(cmd -> {
          cmd.withName(name).withHostName(hostname).withIpv4Address(address)
              // systemd halts cleanly on SIGRTMIN+3; on SIGTERM it would re-execute itself and time out.
              .withStopSignal("SIGRTMIN+3");
          cmd.getHostConfig()
              .withCapAdd(Capability.SYS_ADMIN, Capability.NET_ADMIN)
              .withTmpFs(Map.of("/run", "rw,nosuid,nodev,exec,mode=755", "/run/lock", "rw,nosuid,nodev,noexec"))
              .withBinds(new Bind("/sys/fs/cgroup", new Volume("/sys/fs/cgroup"), AccessMode.rw))
              // systemd manages its own subtree of the host hierarchy it sees mounted (cgroup v1 and v2).
              .withCgroupnsMode("host");
        });
    container.start();
    return new LabNode(docker, container.getContainerId(), name, hostname, address, key.privateKey(), knownHosts);
  }

  static void requireImage(DockerClient docker, LabNodeImage image) {
    try {
      docker.inspectImageCmd(image.name()).exec();
    } catch (NotFoundException e) {
      throw new LabNodeException("lab node image " + image.name() + " is missing: run scripts/setup-test-env");
    }
  }

  /** @return the nodes, {@code node1} first */
  public List<LabNode> nodes() {
    return nodes;
  }

  /** @return the known_hosts file: every node's host keys under its host name and address */
  public Path knownHosts() {
    return nodes.get(0).knownHosts();
  }

  /** @return the private key authorized for root, kube and nosudo on every node */
  public Path clientKey() {
    return clientKey.privateKey();
  }

  /** @return the Docker network's name */
  public String network() {
    return network.name();
  }

  /** @return the network's subnet, {@code 172.30.X.0/24} */
  public String subnet() {
    return network.subnet();
  }

  /** @return the random id in every container and network name of this lab */
  public String instance() {
    return instance;
  }

  /** @return how long {@link #start(int)} took, image check to the last node answering SSH */
  public Duration startupTime() {
    return startupTime;
  }

  /** Removes the containers, the network and the key directory. Idempotent. */
  @Override
  public void close() {
    removeAll(nodes, network, dir);
    removeHook(shutdownHook);
  }

  private static Thread cleanupHook(List<LabNode> nodes, LabNetwork network, Path dir) {
    return new Thread(() -> removeAll(nodes, network, dir), "kubeferry-lab-nodes-cleanup");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
  }

  private static synchronized void removeAll(List<LabNode> nodes, LabNetwork network, Path dir) {
    RuntimeException first = null;
    for (LabNode node : nodes) {
      try {
        node.remove();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (network != null) {
      try {
        network.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (dir != null) {
      deleteTree(dir);
    }
    if (first != null) {
      throw new LabNodeException("could not remove the lab nodes: " + first.getMessage(), first);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // already gone or never created
    }
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
