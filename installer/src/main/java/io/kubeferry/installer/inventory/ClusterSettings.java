package io.kubeferry.installer.inventory;

import java.util.Objects;
import java.util.Optional;

/**
 * Cluster-wide choices from the inventory. {@code vip} and {@code externalEndpoint} are optional (empty strings are
 * not allowed; use {@link Optional#empty()}).
 */
public record ClusterSettings(
    Optional<String> vip,
    Optional<String> externalEndpoint,
    String podSubnet,
    String serviceSubnet,
    String cni,
    Runtime runtime,
    Firewalld firewalld) {

  /** Container runtime; AUTO picks docker for Kubernetes up to 1.23 and containerd from 1.24. */
  public enum Runtime { AUTO, DOCKER, CONTAINERD }

  /** What to do with firewalld when it runs: stop and disable it, open the role's ports, or leave it as is. */
  public enum Firewalld { DISABLE, OPEN_PORTS, LEAVE }

  public static final String DEFAULT_POD_SUBNET = "10.244.0.0/16";
  public static final String DEFAULT_SERVICE_SUBNET = "10.96.0.0/12";

  public ClusterSettings {
    Objects.requireNonNull(vip, "vip");
    Objects.requireNonNull(externalEndpoint, "externalEndpoint");
    Objects.requireNonNull(podSubnet, "podSubnet");
    Objects.requireNonNull(serviceSubnet, "serviceSubnet");
    Objects.requireNonNull(cni, "cni");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(firewalld, "firewalld");
  }
}
