package io.kubeferry.lab.registry;

import java.util.List;
import java.util.Objects;

/**
 * One fixture image: where it lives upstream, how its index is typed, and what it carries.
 *
 * @param upstreamHost {@code k8s.gcr.io}, {@code docker.io} or {@code quay.io}
 * @param repository path under that host and in the lab registry standing in for it, e.g. {@code coredns/coredns},
 *     {@code library/haproxy}
 * @param tags tags pointing at the same index (first is the main one)
 * @param format Docker manifest list or OCI index
 * @param payload what the image's own layer holds
 */
public record FixtureImage(String upstreamHost, String repository, List<String> tags, IndexFormat format,
    Payload payload) {

  /** What the image-specific layer holds. */
  public enum Payload {
    /** A small shell script named after the component that prints its name, tag and platform (test double). */
    TEST_DOUBLE,
    /** The real Debian {@code /usr/bin/docker-registry} as {@code /bin/registry} (linux/amd64 only). */
    REGISTRY,
    /** The real Debian {@code /usr/bin/etcd} and {@code etcdctl} in {@code /usr/local/bin} (linux/amd64 only). */
    ETCD
  }

  public FixtureImage {
    Objects.requireNonNull(upstreamHost, "upstreamHost");
    Objects.requireNonNull(repository, "repository");
    tags = List.copyOf(tags);
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("a fixture image needs at least one tag: " + repository);
    }
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(payload, "payload");
  }

  /** {@code host/repository:firstTag}, e.g. {@code k8s.gcr.io/kube-apiserver:v1.23.1}. */
  public String canonicalRef() {
    return canonicalRef(tags.get(0));
  }

  /** {@code host/repository:tag}. */
  public String canonicalRef(String tag) {
    return upstreamHost + "/" + repository + ":" + tag;
  }

  /** Every canonical reference of this image, one per tag. */
  public List<String> canonicalRefs() {
    return tags.stream().map(this::canonicalRef).toList();
  }

  /** The last path element, e.g. {@code coredns} for {@code coredns/coredns}. */
  public String shortName() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }
}
