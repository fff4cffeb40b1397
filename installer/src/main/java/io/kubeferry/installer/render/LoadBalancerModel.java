package io.kubeferry.installer.render;

import java.util.Objects;

/**
 * The control-plane load balancer kubeferry runs, if any.
 *
 * @param kind {@code haproxy-keepalived}, {@code kube-vip} or {@code none} (single control plane, or the operator's
 *     own load balancer behind {@code externalEndpoint})
 * @param vip the virtual IP, empty for {@code none}
 * @param vrrpRouterId keepalived's {@code virtual_router_id}, the same on every control plane (1 to 255)
 * @param staticPods haproxy and keepalived as static pods (their images come from the bundle) rather than OS
 *     services
 */
public record LoadBalancerModel(String kind, String vip, int vrrpRouterId, boolean staticPods) {
  /** The port haproxy listens on beside the API server's 6443 on each control plane. */
  public static final int HAPROXY_PORT = 8443;
  /** The API server's port, which kube-vip's VIP forwards to directly. */
  public static final int API_SERVER_PORT = 6443;

  public LoadBalancerModel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(vip, "vip");
    if (!kind.equals("none") && vip.isEmpty()) {
      throw new IllegalArgumentException("load balancer " + kind + " needs a VIP");
    }
    if (vrrpRouterId < 1 || vrrpRouterId > 255) {
      throw new IllegalArgumentException("VRRP router id must be 1 to 255, got " + vrrpRouterId);
    }
  }

  /** No load balancer of ours. */
  public static LoadBalancerModel none() {
    return new LoadBalancerModel("none", "", 51, true);
  }

  /** The port clients reach the API servers on through the VIP. */
  public int port() {
    return kind.equals("haproxy-keepalived") ? HAPROXY_PORT : API_SERVER_PORT;
  }
}
