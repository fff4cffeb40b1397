package io.kubeferry.installer.render;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.installer.inventory.ClusterSettings;

/** The container runtime of every node of a cluster. */
public enum ContainerRuntime {
  /** Docker Engine through the kubelet's dockershim (Kubernetes up to 1.23). */
  DOCKER("/var/run/dockershim.sock"),
  /** containerd's CRI plugin. */
  CONTAINERD("unix:///run/containerd/containerd.sock");

  private final String criSocket;

  ContainerRuntime(String criSocket) {
    this.criSocket = criSocket;
  }

  /** kubeadm's {@code nodeRegistration.criSocket}. */
  public String criSocket() {
    return criSocket;
  }

  /**
   * The inventory's choice for {@code version}: {@code auto} is docker up to 1.23 and containerd after.
   *
   * @throws RenderException for docker on 1.24 and later (no dockershim)
   */
  public static ContainerRuntime resolve(ClusterSettings.Runtime choice, KubernetesVersion version)
      throws RenderException {
    boolean dockershim = version.major() == 1 && version.minor() <= 23;
    return switch (choice) {
      case AUTO -> dockershim ? DOCKER : CONTAINERD;
      case CONTAINERD -> CONTAINERD;
      case DOCKER -> {
        if (!dockershim) {
          throw new RenderException("could not use docker with Kubernetes " + version + ": the kubelet has no "
              + "dockershim after 1.23 (set cluster.runtime: containerd in the inventory)");
        }
        yield DOCKER;
      }
    };
  }
}
