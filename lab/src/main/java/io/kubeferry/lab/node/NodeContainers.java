package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Creates and starts the node containers of one lab: unprivileged (SYS_ADMIN and NET_ADMIN only), tmpfs on
 * /run, the host's cgroup tree mounted for systemd, fixed address and host name, never pulling the image.
 */
final class NodeContainers {
  private static final int PARALLEL = 4;

  private final DockerClient docker;
  private final LabNodeImage image;
  private final LabNetwork network;
  private final Map<String, String> labels;
  private final String namePrefix;

  NodeContainers(DockerClient docker, LabNodeImage image, LabNetwork network, Map<String, String> labels,
      String namePrefix) {
    this.docker = docker;
    this.image = image;
    this.network = network;
    this.labels = labels;
    this.namePrefix = namePrefix;
  }

  /**
   * Starts {@code node1..nodeN} a few at a time (container creation is the slow part of a lab start).
   * On failure the containers already made stay behind for the caller's {@link LabTeardown}, which finds
   * them by label.
   */
  List<LabNode> startAll(int n, Path privateKey, Path knownHosts) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, PARALLEL), runnable -> {
      Thread thread = new Thread(runnable, "kubeferry-lab-node-start");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<LabNode>> started = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        started.add(pool.submit(() -> start(index, privateKey, knownHosts)));
      }
      List<LabNode> nodes = new ArrayList<>();
      for (Future<LabNode> future : started) {
        nodes.add(future.get());
      }
      return nodes;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof LabNodeException labError ? labError
          : new LabNodeException("could not start a lab node container: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabNodeException("interrupted while starting lab node containers", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private LabNode start(int index, Path privateKey, Path knownHosts) {
    String hostname = "node" + (index + 1);
    String name = namePrefix + hostname;
    String address = network.address(index);
    @SuppressWarnings("resource") // removed by LabTeardown: Testcontainers' stop() would also drop a stopped node's disk
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image.name()))
        .withImagePullPolicy(imageName -> false) // never pull: LabNodes checked that the image is local
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
    return new LabNode(docker, container.getContainerId(), name, hostname, address, privateKey, knownHosts);
  }
}
