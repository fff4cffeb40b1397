package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;

/**
 * Removes lab node containers, volumes and networks whose owning process is gone (a crashed or killed test JVM),
 * so their fixed subnets and names do not pile up, then the egress guard rules of lab networks that no longer
 * exist. Labs of live processes are left alone: other test JVMs may share this Docker daemon.
 */
final class StaleLabResources {
  private StaleLabResources() {}

  /** @return how many containers, volumes, networks and guard rules were removed */
  static int remove(DockerClient docker, Iptables iptables) {
    int removed = 0;
    List<Container> containers = docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(LabLabels.KIND, LabLabels.KIND_NODES))
        .exec();
    for (Container container : containers) {
      if (LabLabels.isStale(container.getLabels())) {
        try {
          docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
          removed++;
        } catch (DockerException e) {
          // Removed concurrently by another JVM doing the same clean-up: nothing left to do.
        }
      }
    }
    for (InspectVolumeResponse volume : docker.listVolumesCmd()
        .withFilter("label", List.of(LabLabels.KIND + "=" + LabLabels.KIND_NODES)).exec().getVolumes()) {
      if (LabLabels.isStale(volume.getLabels())) {
        try {
          docker.removeVolumeCmd(volume.getName()).exec();
          removed++;
        } catch (DockerException e) {
          // Removed concurrently, or still used by a container another run removes first.
        }
      }
    }
    List<Network> networks = docker.listNetworksCmd()
        .withFilter("label", List.of(LabLabels.KIND + "=" + LabLabels.KIND_NODES))
        .exec();
    for (Network network : networks) {
      if (LabLabels.isStale(network.getLabels())) {
        try {
          docker.removeNetworkCmd(network.getId()).exec();
          removed++;
        } catch (DockerException e) {
          // As above; or a container of another lab is still attached, which the next run removes first.
        }
      }
    }
    return removed + EgressGuard.removeStale(iptables, docker);
  }
}
