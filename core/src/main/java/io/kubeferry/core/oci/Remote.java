package io.kubeferry.core.oci;

import java.util.Objects;

/**
 * A repository at a concrete registry endpoint, e.g. {@code 127.0.0.1:5000} / {@code kube-apiserver}. Docker Hub's
 * {@code docker.io} is reached at {@code registry-1.docker.io}. Immutable.
 *
 * @param host endpoint {@code host[:port]}
 * @param repository repository path at that endpoint
 * @param insecure plain HTTP allowed (only for lab or loopback endpoints the user marked insecure)
 */
public record Remote(String host, String repository, boolean insecure) {
  public Remote {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(repository, "repository");
  }

  /** Base URL of the registry API, {@code https://host/v2/} or {@code http://host/v2/} when insecure. */
  public String apiBase() {
    String h = host.equals("docker.io") ? "registry-1.docker.io" : host;
    return (insecure ? "http://" : "https://") + h + "/v2/";
  }

  @Override
  public String toString() {
    return host + "/" + repository;
  }
}
