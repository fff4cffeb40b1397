package io.kubeferry.installer.render;

import io.kubeferry.core.template.TemplateValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The container runtime's configuration on a node, pointing every pull at the datacenter's registry: containerd's
 * {@code config.toml} plus one {@code hosts.toml} per mirrored upstream registry and one for the registry itself,
 * or docker's {@code daemon.json}.
 */
public final class ContainerRuntimeRenderer {
  /** The upstream registries whose references containerd resolves at the datacenter's registry. */
  public static final List<String> MIRRORED_HOSTS = List.of("registry.k8s.io", "k8s.gcr.io", "docker.io",
      "quay.io", "ghcr.io");
  static final String CONTAINERD_CONFIG = "/etc/containerd/config.toml";
  static final String CONTAINERD_HOSTS_DIR = "/etc/containerd/certs.d/";
  static final String DOCKER_DAEMON = "/etc/docker/daemon.json";
  private final ManifestsDir manifests;

  public ContainerRuntimeRenderer(ManifestsDir manifests) {
    this.manifests = Objects.requireNonNull(manifests, "manifests");
  }

  /** Every runtime file of {@code node}. */
  public List<RenderedFile> render(ClusterModel c, NodeModel node) throws RenderException {
    if (c.runtime() == ContainerRuntime.DOCKER) {
      return List.of(dockerDaemon(c));
    }
    List<RenderedFile> files = new ArrayList<>();
    files.add(containerdConfig(c, node));
    files.addAll(containerdHosts(c));
    return files;
  }

  /** {@code /etc/containerd/config.toml}: CRI on, systemd cgroups, our pause image, hosts.toml directory. */
  public RenderedFile containerdConfig(ClusterModel c, NodeModel node) throws RenderException {
    TemplateValues v = TemplateValues.builder()
        .text("sandboxImage", InDatacenterImages.pause(c))
        .text("restrictOomScoreAdj", String.valueOf(!node.facts().canLowerOomScores()))
        .build();
    return manifests.file(CONTAINERD_CONFIG, "runtime/containerd/config.toml.tmpl", v, false);
  }

  /** One {@code hosts.toml} per {@link #MIRRORED_HOSTS} entry, then the registry's own. */
  public List<RenderedFile> containerdHosts(ClusterModel c) throws RenderException {
    RegistryLocation r = c.registry();
    // Under a path prefix the mirror URL carries the /v2/<prefix> path itself (containerd's override_path).
    String mirrorUrl = r.pathPrefix().isEmpty() ? r.url() : r.url() + "/v2/" + r.pathPrefix();
    List<RenderedFile> files = new ArrayList<>();
    for (String upstream : MIRRORED_HOSTS) {
      files.add(hosts(r, upstream, true, mirrorUrl));
    }
    files.add(hosts(r, r.hostPort(), false, ""));
    return files;
  }

  private RenderedFile hosts(RegistryLocation r, String upstreamHost, boolean mirror, String mirrorUrl)
      throws RenderException {
    TemplateValues v = TemplateValues.builder()
        .text("upstreamHost", upstreamHost)
        .text("registryUrl", r.url())
        .flag("registryCa", r.tls())
        .text("caFile", r.containerdCaFile())
        .flag("mirror", mirror)
        .text("mirrorUrl", mirrorUrl)
        .flag("overridePath", mirror && !r.pathPrefix().isEmpty())
        .build();
    return manifests.file(CONTAINERD_HOSTS_DIR + upstreamHost + "/hosts.toml", "runtime/containerd/hosts.toml.tmpl", v,
        false);
  }

  /**
   * {@code /etc/docker/daemon.json}: systemd cgroups, overlay2, log limits; the registry as Docker Hub mirror (docker
   * mirrors only Docker Hub, and only at a registry root) and as insecure registry only when it is plain HTTP.
   */
  public RenderedFile dockerDaemon(ClusterModel c) throws RenderException {
    RegistryLocation r = c.registry();
    TemplateValues v = TemplateValues.builder()
        .list("registryMirrors", r.pathPrefix().isEmpty() ? List.of(r.url()) : List.of())
        .list("insecureRegistries", r.tls() ? List.of() : List.of(r.hostPort()))
        .build();
    return manifests.file(DOCKER_DAEMON, "runtime/docker/daemon.json.tmpl", v, false);
  }
}
