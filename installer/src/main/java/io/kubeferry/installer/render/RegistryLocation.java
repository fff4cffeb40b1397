package io.kubeferry.installer.render;

import java.util.regex.Pattern;

/**
 * Where the datacenter's registry serves the bundle's images: {@code host:port}, an optional path prefix, and
 * whether it speaks TLS (its CA then lives in {@code /etc/containerd/certs.d/<host:port>/ca.crt} and
 * {@code /etc/docker/certs.d/<host:port>/ca.crt}). Plain HTTP is only ever an explicit choice.
 *
 * @param hostPort e.g. {@code 10.0.0.5:5000}
 * @param pathPrefix e.g. {@code k8s}, or empty for none
 * @param tls true for HTTPS
 */
public record RegistryLocation(String hostPort, String pathPrefix, boolean tls) {
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:.]+\\]:[0-9]{1,5}");
  private static final Pattern PREFIX = Pattern.compile("([a-z0-9]+([._-][a-z0-9]+)*)(/[a-z0-9]+([._-][a-z0-9]+)*)*");

  public RegistryLocation {
    if (hostPort == null || !HOST_PORT.matcher(hostPort).matches()) {
      throw new IllegalArgumentException("invalid registry address '" + hostPort + "' (expected host:port)");
    }
    pathPrefix = pathPrefix == null ? "" : pathPrefix;
    if (!pathPrefix.isEmpty() && !PREFIX.matcher(pathPrefix).matches()) {
      throw new IllegalArgumentException("invalid registry path prefix '" + pathPrefix + "'");
    }
  }

  /** {@code host:port[/prefix]}: kubeadm's {@code imageRepository} and the base of every in-datacenter name. */
  public String location() {
    return pathPrefix.isEmpty() ? hostPort : hostPort + "/" + pathPrefix;
  }

  /** {@code https://host:port} or {@code http://host:port}. */
  public String url() {
    return (tls ? "https://" : "http://") + hostPort;
  }

  /** Where containerd finds the registry's CA. */
  public String containerdCaFile() {
    return "/etc/containerd/certs.d/" + hostPort + "/ca.crt";
  }
}
