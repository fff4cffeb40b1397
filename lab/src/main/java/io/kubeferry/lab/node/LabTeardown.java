package io.kubeferry.lab.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Removes everything one lab instance made: its containers (found by label, so a container whose start
 * failed half-way is found too) with their volumes, its network, then the network's egress guard (never before the
 * network is gone), and its key directory. Idempotent; used by
 * {@link LabNodes#close()}, by the JVM shutdown hook and when a start fails.
 */
final class LabTeardown implements Runnable {
  private final DockerClient docker;
  private final String instance;
  private volatile LabNetwork network;
  private volatile EgressGuard guard;
  private volatile Path directory;

  LabTeardown(DockerClient docker, String instance) {
    this.docker = docker;
    this.instance = instance;
  }

  LabNetwork network(LabNetwork created) {
    this.network = created;
    return created;
  }

  EgressGuard guard(EgressGuard installed) {
    this.guard = installed;
    return installed;
  }

  Path directory(Path created) {
    this.directory = created;
    return created;
  }

  @Override
  public synchronized void run() {
    RuntimeException failure = null;
    List<Container> containers = docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(LabLabels.INSTANCE, instance))
        .exec();
    for (Container container : containers) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
      } catch (NotFoundException e) {
        // already gone
      } catch (DockerException e) {
        failure = failure == null ? e : failure;
      }
    }
    for (InspectVolumeResponse volume : docker.listVolumesCmd()
        .withFilter("label", List.of(LabLabels.INSTANCE + "=" + instance)).exec().getVolumes()) {
      try { // normally already removed with its container
        docker.removeVolumeCmd(volume.getName()).exec();
      } catch (NotFoundException e) {
        // already gone
      } catch (DockerException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (network != null) {
      try {
        network.close();
        network = null;
      } catch (DockerException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (guard != null && network == null) {
      guard.remove();
      guard = null;
    }
    if (directory != null) {
      try (Stream<Path> walk = Files.walk(directory)) {
        walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // already gone
      }
      directory = null;
    }
    if (failure != null) {
      throw new LabNodeException("could not remove lab " + instance + ": " + failure.getMessage(), failure);
    }
  }
}
