package io.kubeferry.lab.registry;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lab's stand-ins for the public image registries, with the 1.23.1 fixture set pushed: a {@code k8s.gcr.io}
 * registry in the chosen modes and a {@code docker.io} registry in {@link Mode#TOKEN} mode (anonymous pulls allowed,
 * like docker.io). {@link #mirrors()} maps canonical hosts to lab URIs, the shape of the product's mirror config.
 *
 * <pre>{@code
 * try (LabUpstream up = LabUpstream.start(Mode.REDIRECT)) {
 *   up.mirrors();   // {k8s.gcr.io=http://127.0.0.1:41235, registry.k8s.io=http://127.0.0.1:41235,
 *                   //  docker.io=http://127.0.0.1:39911}
 *   up.images().get("k8s.gcr.io/pause:3.6").indexDigest();
 * }
 * }</pre>
 */
public final class LabUpstream implements AutoCloseable {
  private final LabRegistry k8sGcr;
  private final LabRegistry dockerIo;
  private final LabImages fixtures;
  private final Map<String, PushedImage> images;

  private LabUpstream(LabRegistry k8sGcr, LabRegistry dockerIo, LabImages fixtures, Map<String, PushedImage> images) {
    this.k8sGcr = k8sGcr;
    this.dockerIo = dockerIo;
    this.fixtures = fixtures;
    this.images = images;
  }

  /** Starts both registries (k8s.gcr.io in {@code k8sGcrModes}) and pushes {@link LabImages#k8s1231()}. */
  public static LabUpstream start(Mode... k8sGcrModes) throws IOException {
    return start(LabImages.k8s1231(), LabRegistry.Options.of(k8sGcrModes));
  }

  /** Starts both registries and pushes the given fixture set (e.g. one scaled with filler). */
  public static LabUpstream start(LabImages fixtures, LabRegistry.Options k8sGcrOptions) throws IOException {
    LabRegistry k8s = null;
    LabRegistry docker = null;
    try {
      k8s = LabRegistry.start(k8sGcrOptions);
      docker = LabRegistry.start(Mode.TOKEN);
      Map<String, PushedImage> pushed = fixtures.pushAll(k8s, docker);
      return new LabUpstream(k8s, docker, fixtures, pushed);
    } catch (IOException | RuntimeException e) {
      if (k8s != null) {
        k8s.close();
      }
      if (docker != null) {
        docker.close();
      }
      throw e;
    }
  }

  /** The registry standing in for k8s.gcr.io (and registry.k8s.io). */
  public LabRegistry k8sGcr() {
    return k8sGcr;
  }

  /** The registry standing in for docker.io (TOKEN mode). */
  public LabRegistry dockerIo() {
    return dockerIo;
  }

  /** The fixture set that was pushed; use it for {@link LabImages#repush}. */
  public LabImages fixtures() {
    return fixtures;
  }

  /** Canonical reference → pushed image, for every fixture tag. */
  public Map<String, PushedImage> images() {
    return images;
  }

  /** Canonical registry host → lab base URI: k8s.gcr.io, registry.k8s.io, docker.io. */
  public Map<String, URI> mirrors() {
    Map<String, URI> m = new LinkedHashMap<>();
    m.put(LabImages.K8S_GCR, k8sGcr.baseUri());
    m.put("registry.k8s.io", k8sGcr.baseUri());
    m.put(LabImages.DOCKER_IO, dockerIo.baseUri());
    return m;
  }

  /** {@link #mirrors()} as {@code host=uri} lines, e.g. {@code k8s.gcr.io=http://127.0.0.1:5123}. */
  public String mirrorConfig() {
    return mirrors().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Override
  public void close() {
    k8sGcr.close();
    dockerIo.close();
  }
}
