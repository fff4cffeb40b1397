package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.containers.Network;

/**
 * The user-defined bridge network of one lab instance: a free /24 in 172.30.0.0/16 found by trying (Docker
 * refuses overlapping pools, which also settles races between JVMs), nodes at .10, .11, ...
 * The network is {@code internal}: nodes reach each other and the test host reaches them, but they have no
 * route to the internet, as in the air-gapped datacenter kubeferry targets. Its Linux bridge has a name of the
 * lab's choosing, so the {@link EgressGuard} can name it.
 */
final class LabNetwork implements Network {
  private final DockerClient docker;
  private final String id;
  private final String name;
  private final String bridge;
  private final int octet;

  private LabNetwork(DockerClient docker, String id, String name, String bridge, int octet) {
    this.docker = docker;
    this.id = id;
    this.name = name;
    this.bridge = bridge;
    this.octet = octet;
  }

  /**
   * @param name   the Docker network's name
   * @param bridge the Linux bridge's name on the Docker host, at most 15 characters
   */
  static LabNetwork create(DockerClient docker, String name, String bridge, Map<String, String> labels) {
    if (bridge.length() > 15) {
      throw new IllegalArgumentException("bridge name longer than 15 characters: " + bridge);
    }
    int first = ThreadLocalRandom.current().nextInt(256);
    DockerException last = null;
    for (int i = 0; i < 256; i++) {
      int octet = (first + i) % 256;
      try {
        String id = docker.createNetworkCmd()
            .withName(name)
            .withDriver("bridge")
            .withInternal(true)
            .withCheckDuplicate(true)
            .withLabels(labels)
            .withOptions(Map.of("com.docker.network.bridge.name", bridge))
            .withIpam(new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                new com.github.dockerjava.api.model.Network.Ipam.Config()
                    .withSubnet("172.30." + octet + ".0/24")
                    .withGateway("172.30." + octet + ".1")))
            .exec()
            .getId();
        return new LabNetwork(docker, id, name, bridge, octet);
      } catch (DockerException e) {
        if (e.getMessage() == null || !e.getMessage().contains("overlap")) {
          throw new LabNodeException("could not create the lab network " + name + ": " + e.getMessage(), e);
        }
        last = e;
      }
    }
    throw new LabNodeException("could not create the lab network " + name
        + ": every /24 in 172.30.0.0/16 is taken (remove unused Docker networks)", last);
  }

  /** @return the address of node {@code index} (0-based): 172.30.X.(10 + index) */
  String address(int index) {
    return "172.30." + octet + "." + (10 + index);
  }

  String name() {
    return name;
  }

  String subnet() {
    return "172.30." + octet + ".0/24";
  }

  /** @return the gateway: the Docker host's address on the lab network, 172.30.X.1 */
  String gateway() {
    return "172.30." + octet + ".1";
  }

  /** @return the name of the network's Linux bridge on the Docker host */
  String bridge() {
    return bridge;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public void close() {
    try {
      docker.removeNetworkCmd(id).exec();
    } catch (NotFoundException e) {
      // already gone
    }
  }
}
