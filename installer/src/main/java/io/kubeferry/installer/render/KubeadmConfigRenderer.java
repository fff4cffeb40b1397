package io.kubeferry.installer.render;

import io.kubeferry.core.template.TemplateValues;
import io.kubeferry.installer.inventory.Role;
import java.util.Objects;

/**
 * kubeadm's configuration for one node, in the API its Kubernetes version reads ({@link KubeadmApi}): Init,
 * Cluster, Kubelet (and, when some host cannot set {@code nf_conntrack_max}, KubeProxy) configurations for the first
 * control plane; a JoinConfiguration for every other control plane and worker.
 */
public final class KubeadmConfigRenderer {
  /** Where the configuration is written; {@code kubeadm init|join --config} reads it. */
  public static final String HOST_PATH = "/etc/kubernetes/kubeferry/kubeadm.yaml";
  private final ManifestsDir manifests;

  public KubeadmConfigRenderer(ManifestsDir manifests) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /**
   * The configuration for {@code node}.
   *
   * @throws RenderException when the node runs no kubeadm (an external etcd member only) or a value is missing
   */
  public RenderedFile render(ClusterModel c, NodeModel node) throws RenderException {
    if (!node.has(Role.CONTROL_PLANE) && !node.has(Role.WORKER)) {
      throw new RenderException("could not render the kubeadm configuration for " + node.name()
          + ": it is neither a control plane nor a worker");
    }
    KubeadmApi api = KubeadmApi.forVersion(c.version());
    return manifests.file(HOST_PATH, api.template(), values(c, node, api), false);
  }

  static TemplateValues values(ClusterModel c, NodeModel node, KubeadmApi api) {
    boolean controlPlane = node.has(Role.CONTROL_PLANE);
    TemplateValues.Builder v = TemplateValues.builder()
        .flag("init", c.initializes(node))
        .flag("controlPlane", controlPlane && !c.initializes(node))
        .flag("untainted", controlPlane && node.has(Role.WORKER))
        .flag("uploadCerts", c.topology().highlyAvailable())
        .flag("externalEtcd", !c.etcdMembers().isEmpty())
        .flag("conntrackUnmanaged", c.conntrackUnmanaged())
        .text("token", c.secrets().bootstrapToken())
        .text("certificateKey", c.secrets().certificateKey())
        .text("caCertHash", c.secrets().caCertHash())
        .text("nodeName", node.name())
        .text("advertiseAddress", node.address())
        .text("criSocket", c.runtime().criSocket())
        .text("kubernetesVersion", c.version().tag())
        .text("imageRepository", c.registry().location())
        .text("controlPlaneEndpoint", c.controlPlaneEndpoint())
        .text("podSubnet", c.podSubnet())
        .text("serviceSubnet", c.serviceSubnet())
        .list("certSANs", c.certSans())
        .list("etcdEndpoints", c.etcdMembers().stream().map(m -> "https://" + m.address() + ":2379").toList());
    if (api != KubeadmApi.V1BETA4) {
      // Up to 1.23 the kubelet takes the sandbox image as a flag (dockershim uses it; containerd pins it from GC).
      v.flag("podInfraFlag", c.version().minor() <= 23).text("pauseImage", InDatacenterImages.pause(c));
    }
    return v.build();
  }
}
