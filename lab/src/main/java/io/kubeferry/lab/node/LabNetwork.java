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
 * route to the internet, as in the air-gapped datacenter kubeferry targets.
 */
final class LabNetwork implements Network {
  private final DockerClient docker;
  private final String id;
  private final String name;
  private final int octet;

  private LabNetwork(DockerClient docker, String id, String name, int octet) {
    this.docker = docker;
    this.id = id;
    this.name = name;
    this.octet = octet;
  }

  static LabNetwork create(DockerClient docker, String name, Map<String, String> labels) {
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
            .withIpam(new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                new com.github.dockerjava.api.model.Network.Ipam.Config()
                    .withSubnet("172.30." + octet + ".0/24")
                    .withGateway("172.30." + octet + ".1")))
            .exec()
            .getId();
        return new LabNetwork(docker, id, name, octet);
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
