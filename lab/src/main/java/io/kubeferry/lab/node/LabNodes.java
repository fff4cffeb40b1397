package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;

/**
 * N lab target nodes ({@code node1..nodeN} at 172.30.X.10, .11, ...) on their own internal Docker network,
 * with a generated ed25519 client key authorized for root, kube and nosudo, and a known_hosts file holding
 * every node's own host keys. Never pulls an image: the node image comes from {@code scripts/setup-test-env}.
 * Before the first node starts, an {@link EgressGuard} in the host's iptables keeps every packet of the lab
 * network on this machine; a lab that cannot install it does not start.
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
  private static final String BRIDGE_PREFIX = "kflab-";

  private final String instance;
  private final LabNetwork network;
  private final EgressGuard guard;
  private final List<LabNode> nodes;
  private final ClientKey clientKey;
  private final Duration startupTime;
  private final LabTeardown teardown;
  private final Thread shutdownHook;

  private LabNodes(String instance, LabNetwork network, EgressGuard guard, List<LabNode> nodes, ClientKey clientKey,
      Duration startupTime, LabTeardown teardown, Thread shutdownHook) {
    this.instance = instance;
    this.network = network;
    this.guard = guard;
    this.nodes = List.copyOf(nodes);
    this.clientKey = clientKey;
    this.startupTime = startupTime;
    this.teardown = teardown;
    this.shutdownHook = shutdownHook;
  }

  /**
   * Starts {@code n} nodes and waits until each runs systemd in state {@code running} and answers on SSH.
   *
   * @param n number of nodes, 1 to 50
   * @throws LabNodeException when the image is missing ("run scripts/setup-test-env"), Docker refuses, the
   *     egress guard cannot be installed (no node is started then), or a node does not boot cleanly (the message
   *     lists its failed units); nothing is left behind then
   */
  public static LabNodes start(int n) {
    return start(n, Iptables.host());
  }

  /** As {@link #start(int)}, with the egress guard installed through {@code iptables}. */
  static LabNodes start(int n, Iptables iptables) {
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
    StaleLabResources.remove(docker, iptables);

    String instance = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Map<String, String> labels = LabLabels.forInstance(instance);
    LabTeardown teardown = new LabTeardown(docker, instance);
    Thread hook = new Thread(teardown, "kubeferry-lab-nodes-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Path dir = teardown.directory(Files.createTempDirectory("kubeferry-lab-nodes-"));
      ClientKey key = ClientKey.generate(dir, "kubeferry-lab-" + instance);
      Path knownHosts = dir.resolve("known_hosts");
      LabNetwork network = teardown.network(
          LabNetwork.create(docker, NAME_PREFIX + instance, BRIDGE_PREFIX + instance, labels));
      // Before any node exists: no packet of the lab may leave this machine, not even during boot.
      EgressGuard guard = teardown.guard(
          EgressGuard.install(iptables, network.name(), network.subnet(), network.bridge()));
      NodeContainers containers = new NodeContainers(docker, image, network, labels, NAME_PREFIX + instance + "-");
      List<LabNode> nodes = containers.startAll(n, key.privateKey(), knownHosts);
      // The containers boot in parallel; waiting for them one after the other costs no extra time.
      StringBuilder hosts = new StringBuilder();
      for (LabNode node : nodes) {
        node.authorize(key.publicKey());
        node.awaitReady(LabNode.BOOT_TIMEOUT);
        for (String hostKey : node.hostKeys()) {
          hosts.append(node.hostname()).append(',').append(node.address()).append(' ').append(hostKey).append('\n');
        }
      }
      writeAtomically(knownHosts, hosts.toString());
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      return new LabNodes(instance, network, guard, nodes, key, took, teardown, hook);
    } catch (IOException | RuntimeException e) {
      teardown.run();
      removeHook(hook);
      if (e instanceof LabNodeException labError) {
        throw labError;
      }
      throw new LabNodeException("could not start " + n + " lab nodes: " + e.getMessage(), e);
    }
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

  /** @return the network's gateway, 172.30.X.1: the Docker host, where the lab's servers listen for the nodes */
  public String gateway() {
    return network.gateway();
  }

  /**
   * @return the egress guard's rules, each as {@code iptables -C DOCKER-USER} takes it: they reject whatever the
   *     lab network sends beyond itself (see the package documentation)
   */
  public List<List<String>> egressGuardRules() {
    return guard.rules();
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
    teardown.run();
    removeHook(shutdownHook);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
