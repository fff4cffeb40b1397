package io.kubeferry.installer.render;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.installer.inventory.Topology;
import java.util.List;
import java.util.Objects;

/**
 * Everything cluster-wide that the rendered files depend on. Build it with {@link ModelFactory#cluster} from an
 * inventory, or directly in tests. Immutable.
 *
 * @param version the bundle's Kubernetes version
 * @param components what the bundle carries for it (kubeadm registry and tags, CNI, load balancer)
 * @param runtime the container runtime of every node
 * @param registry where the datacenter's registry serves the bundle's images
 * @param controlPlaneEndpoint {@code host:port} every node reaches the API servers at
 * @param controlPlanes in inventory order; the first runs {@code kubeadm init}
 * @param etcdMembers the external etcd cluster ({@link Topology#HA_EXTERNAL_ETCD}), else empty
 * @param certSans extra names and addresses for the API server certificate
 * @param conntrackUnmanaged true when some host cannot set {@code nf_conntrack_max}: kube-proxy then leaves it
 *     alone ({@code conntrack.maxPerCore: 0}) on every node, as its configuration is cluster-wide
 */
public record ClusterModel(
    KubernetesVersion version,
    ClusterComponents components,
    Topology topology,
    ContainerRuntime runtime,
    RegistryLocation registry,
    String controlPlaneEndpoint,
    String podSubnet,
    String serviceSubnet,
    List<ClusterMember> controlPlanes,
    List<ClusterMember> etcdMembers,
    List<String> certSans,
    LoadBalancerModel loadBalancer,
    ClusterSecrets secrets,
    boolean conntrackUnmanaged) {

  public ClusterModel {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(controlPlaneEndpoint, "controlPlaneEndpoint");
    Objects.requireNonNull(podSubnet, "podSubnet");
    Objects.requireNonNull(serviceSubnet, "serviceSubnet");
    Objects.requireNonNull(loadBalancer, "loadBalancer");
    Objects.requireNonNull(secrets, "secrets");
    controlPlanes = List.copyOf(controlPlanes);
    etcdMembers = List.copyOf(etcdMembers);
    certSans = List.copyOf(certSans);
    if (controlPlanes.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs a control plane");
    }
    if ((topology == Topology.HA_EXTERNAL_ETCD) == etcdMembers.isEmpty()) {
      throw new IllegalArgumentException("etcd members are given exactly for topology " + Topology.HA_EXTERNAL_ETCD);
    }
  }

  /** The control plane that runs {@code kubeadm init}. */
  public ClusterMember firstControlPlane() {
    return controlPlanes.get(0);
  }

  /** Whether {@code node} runs {@code kubeadm init} (every other node joins). */
  public boolean initializes(NodeModel node) {
    return firstControlPlane().name().equals(node.name());
  }
}
