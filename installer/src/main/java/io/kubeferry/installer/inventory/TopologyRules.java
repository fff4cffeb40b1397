package io.kubeferry.installer.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cross-host rules each topology imposes on an inventory. Problems are appended, never thrown. */
final class TopologyRules {
  private final List<String> problems;

  /** A host as far as the rules care; built even when its SSH settings were invalid, so counts stay right. */
  private record Named(String name, String address, Set<Role> roles) {
    boolean has(Role r) {
      return roles.contains(r);
    }
  }

  TopologyRules(List<String> problems) {
    this.problems = problems;
  }

  /** {@code roles}: host name to roles, for every named host; {@code addresses}: host name to address. */
  void check(Map<String, Set<Role>> roles, Map<String, String> addresses, ClusterSettings cluster,
      Topology topology) {
    List<Named> hosts = roles.entrySet().stream()
        .map(e -> new Named(e.getKey(), addresses.getOrDefault(e.getKey(), ""), e.getValue()))
        .toList();
    long cps = hosts.stream().filter(h -> h.has(Role.CONTROL_PLANE)).count();
    long etcd = hosts.stream().filter(h -> h.has(Role.ETCD)).count();
    switch (topology) {
      case SINGLE -> {
        if (cps != 1) {
          problems.add("roles.control-plane: topology single needs exactly 1 control plane, found " + cps
              + (cps > 1 ? " (use --topology ha-stacked or ha-external-etcd)" : ""));
        }
        hosts.stream().filter(h -> h.has(Role.ETCD) && !h.has(Role.CONTROL_PLANE)).forEach(h -> problems.add(
            "roles.etcd: '" + h.name() + "' is not the control plane; topology single runs etcd on the control"
                + " plane (use --topology ha-external-etcd for separate etcd hosts)"));
      }
      case HA_STACKED -> {
        if (cps < 2) {
          problems.add("roles.control-plane: topology ha-stacked needs at least 2 (normally 3) control planes,"
              + " found " + cps);
        }
        hosts.stream().filter(h -> h.has(Role.ETCD) && !h.has(Role.CONTROL_PLANE)).forEach(h -> problems.add(
            "roles.etcd: '" + h.name() + "' is not a control plane; ha-stacked runs etcd on every control plane"
                + " (use --topology ha-external-etcd for separate etcd hosts)"));
      }
      case HA_EXTERNAL_ETCD -> {
        if (etcd < 3 || etcd % 2 == 0) {
          problems.add("roles.etcd: topology ha-external-etcd needs an odd number of etcd hosts, at least 3,"
              + " found " + etcd);
        }
        if (cps < 2) {
          problems.add("roles.control-plane: topology ha-external-etcd needs at least 2 (normally 3) control"
              + " planes, found " + cps);
        }
      }
      default -> throw new IllegalStateException("unhandled topology " + topology);
    }
    if (topology.highlyAvailable() && cluster.vip().isEmpty() && cluster.externalEndpoint().isEmpty()) {
      problems.add("cluster.vip: topology " + topology + " needs cluster.vip (a free IP for keepalived) or"
          + " cluster.externalEndpoint (host:port of your load balancer)");
    }
    if (cluster.vip().isPresent() && cluster.externalEndpoint().isPresent()) {
      problems.add("cluster.externalEndpoint: give either cluster.vip or cluster.externalEndpoint, not both");
    }
    cluster.vip().ifPresent(vip -> hosts.stream().filter(h -> h.address().equals(vip)).forEach(h -> problems.add(
        "cluster.vip: " + vip + " is the address of host '" + h.name() + "'; the VIP must be a free address")));
  }
}
