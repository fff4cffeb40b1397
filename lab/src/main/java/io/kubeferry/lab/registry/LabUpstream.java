package io.kubeferry.lab.registry;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lab's stand-ins for the public image registries, with the 1.23.1 fixture set and the add-on fixtures
 * ({@link LabImages#addons()}) pushed: a {@code k8s.gcr.io} registry in the chosen modes, and {@code docker.io} and
 * {@code quay.io} registries in {@link Mode#TOKEN} mode (anonymous pulls allowed, like theirs). {@link #mirrors()}
 * maps canonical hosts to lab URIs, the shape of the product's mirror config.
 *
 * <pre>{@code
 * try (LabUpstream up = LabUpstream.start(Mode.REDIRECT)) {
 *   up.mirrors();   // {k8s.gcr.io=http://127.0.0.1:41235, registry.k8s.io=http://127.0.0.1:41235,
 *                   //  docker.io=http://127.0.0.1:39911, quay.io=http://127.0.0.1:40017}
 *   up.images().get("k8s.gcr.io/pause:3.6").indexDigest();
 * }
 * }</pre>
 */
public final class LabUpstream implements AutoCloseable {
  private final LabRegistry k8sGcr;
  private final LabRegistry dockerIo;
  private final LabRegistry quayIo;
  private final LabImages fixtures;
  private final LabImages addonFixtures;
  private final Map<String, PushedImage> images;

  private LabUpstream(LabRegistry k8sGcr, LabRegistry dockerIo, LabRegistry quayIo, LabImages fixtures,
      LabImages addonFixtures, Map<String, PushedImage> images) {
    this.k8sGcr = k8sGcr;
    this.dockerIo = dockerIo;
    this.quayIo = quayIo;
    this.fixtures = fixtures;
    this.addonFixtures = addonFixtures;
    this.images = images;
  }

  /** Starts both registries (k8s.gcr.io in {@code k8sGcrModes}) and pushes {@link LabImages#k8s1231()}. */
  public static LabUpstream start(Mode... k8sGcrModes) throws IOException {
    return start(LabImages.k8s1231(), LabRegistry.Options.of(k8sGcrModes));
  }

  /** Starts the registries and pushes the given fixture set (e.g. one scaled with filler) and the add-on set. */
  public static LabUpstream start(LabImages fixtures, LabRegistry.Options k8sGcrOptions) throws IOException {
    List<LabRegistry> started = new ArrayList<>();
    try {
      LabRegistry k8s = LabRegistry.start(k8sGcrOptions);
      started.add(k8s);
      LabRegistry docker = LabRegistry.start(Mode.TOKEN);
      started.add(docker);
      LabRegistry quay = LabRegistry.start(Mode.TOKEN);
      started.add(quay);
      Map<String, PushedImage> pushed = new LinkedHashMap<>(fixtures.pushAll(k8s, docker));
      LabImages addons = LabImages.addons();
      pushed.putAll(addons.pushAll(Map.of(LabImages.DOCKER_IO, docker, LabImages.QUAY_IO, quay)));
      return new LabUpstream(k8s, docker, quay, fixtures, addons, pushed);
    } catch (IOException | RuntimeException e) {
      started.forEach(LabRegistry::close);
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

  /** The registry standing in for quay.io (TOKEN mode). */
  public LabRegistry quayIo() {
    return quayIo;
  }

  /** Every stand-in registry: k8s.gcr.io, docker.io, quay.io. */
  public List<LabRegistry> registries() {
    return List.of(k8sGcr, dockerIo, quayIo);
  }

  /** The fixture set that was pushed; use it for {@link LabImages#repush}. */
  public LabImages fixtures() {
    return fixtures;
  }

  /** The add-on fixtures that were pushed ({@link LabImages#addons()}); use it for {@link LabImages#repush}. */
  public LabImages addonFixtures() {
    return addonFixtures;
  }

  /** Canonical reference → pushed image, for every fixture tag (the add-on fixtures included). */
  public Map<String, PushedImage> images() {
    return images;
  }

  /** Canonical registry host → lab base URI: k8s.gcr.io, registry.k8s.io, docker.io, quay.io. */
  public Map<String, URI> mirrors() {
    Map<String, URI> m = new LinkedHashMap<>();
    m.put(LabImages.K8S_GCR, k8sGcr.baseUri());
    m.put("registry.k8s.io", k8sGcr.baseUri());
    m.put(LabImages.DOCKER_IO, dockerIo.baseUri());
    m.put(LabImages.QUAY_IO, quayIo.baseUri());
    return m;
  }

  /** {@link #mirrors()} as {@code host=uri} lines, e.g. {@code k8s.gcr.io=http://127.0.0.1:5123}. */
  public String mirrorConfig() {
    return mirrors().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Override
  public void close() {
    registries().forEach(LabRegistry::close);
  }
}
