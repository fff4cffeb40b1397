package io.kubeferry.installer.render;

import io.kubeferry.installer.inventory.ClusterSettings;
import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.inventory.Role;
import io.kubeferry.installer.inventory.Topology;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the render models from a validated inventory. Stateless. */
public final class ModelFactory {
  /** keepalived's usual default, for a VIP whose last octet cannot serve as a router id. */
  private static final int DEFAULT_ROUTER_ID = 51;

  private ModelFactory() {}

  /**
   * The cluster model.
   *
   * @throws RenderException when the inventory and the bundle do not fit together (docker after 1.23, a VIP without
   *     a load balancer in the bundle, a host without facts)
   */
  public static ClusterModel cluster(Inventory inventory, ClusterInputs in) throws RenderException {
    ClusterSettings settings = inventory.cluster();
    List<ClusterMember> controlPlanes = members(inventory, Role.CONTROL_PLANE);
    List<ClusterMember> etcd = inventory.topology() == Topology.HA_EXTERNAL_ETCD ? members(inventory, Role.ETCD)
        : List.of();
    LoadBalancerModel lb = loadBalancer(settings, in);
    String endpoint = settings.externalEndpoint()
        .orElse(lb.kind().equals("none") ? controlPlanes.get(0).address() + ":" + LoadBalancerModel.API_SERVER_PORT
            : lb.vip() + ":" + lb.port());
    Set<String> sans = new LinkedHashSet<>();
    sans.add(host(endpoint));
    controlPlanes.forEach(cp -> {
      sans.add(cp.name());
      sans.add(cp.address());
    });
    boolean conntrackUnmanaged = false;
    for (Host h : inventory.hosts()) {
      conntrackUnmanaged |= !facts(in, h.name()).canSetConntrackMax();
    }
    return new ClusterModel(in.version(), in.components(), inventory.topology(),
        ContainerRuntime.resolve(settings.runtime(), in.version()), in.registry(), endpoint, settings.podSubnet(),
        settings.serviceSubnet(), controlPlanes, etcd, List.copyOf(sans), lb, in.secrets(), conntrackUnmanaged);
  }

  /** The model of inventory host {@code name}. */
  public static NodeModel node(Inventory inventory, ClusterInputs in, String name) throws RenderException {
    Host h = inventory.host(name).orElseThrow(() -> new RenderException("could not render for host '" + name
        + "': it is not in the inventory"));
    return new NodeModel(h.name(), h.address(), h.roles(), facts(in, name));
  }

  private static LoadBalancerModel loadBalancer(ClusterSettings settings, ClusterInputs in) throws RenderException {
    String kind = in.components().loadBalancer();
    if (settings.vip().isEmpty() || settings.externalEndpoint().isPresent()) {
      return LoadBalancerModel.none();
    }
    String vip = settings.vip().get();
    if (kind.equals("none")) {
      throw new RenderException("could not use VIP " + vip + ": the bundle carries no load balancer (build it with "
          + "--lb haproxy-keepalived or --lb kube-vip, or give cluster.externalEndpoint instead)");
    }
    return new LoadBalancerModel(kind, vip, routerId(vip), in.loadBalancerStaticPods());
  }

  /** The VIP's last IPv4 octet: the same on every host, and distinct for VIPs of one subnet. */
  static int routerId(String vip) {
    String[] octets = vip.split("\\.");
    if (octets.length == 4 && octets[3].matches("\\d{1,3}")) {
      int last = Integer.parseInt(octets[3]);
      if (last >= 1 && last <= 255) {
        return last;
      }
    }
    return DEFAULT_ROUTER_ID;
  }

  private static List<ClusterMember> members(Inventory inventory, Role role) {
    return inventory.withRole(role).stream().map(h -> new ClusterMember(h.name(), h.address())).toList();
  }

  private static NodeFacts facts(ClusterInputs in, String host) throws RenderException {
    NodeFacts f = in.facts().get(host);
    if (f == null) {
      throw new RenderException("could not render for host '" + host + "': no facts were gathered from it");
    }
    return f;
  }

  /** The host of {@code host:port} or {@code [v6]:port}. */
  private static String host(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    String h = colon < 0 ? endpoint : endpoint.substring(0, colon);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }
}
