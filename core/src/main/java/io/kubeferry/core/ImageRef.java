package io.kubeferry.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A container image reference {@code registry/repository[:tag][@digest]}, normalised the way Docker does:
 * {@code calico/node} is {@code docker.io/calico/node}, {@code registry:2} is {@code docker.io/library/registry:2}.
 * A reference without tag and digest gets tag {@code latest}. {@code parse(r.toString()).equals(r)}. Immutable.
 *
 * @param registry host[:port], never null ({@code docker.io} for Docker Hub)
 * @param repository path inside the registry, lowercase
 * @param tag tag or null
 * @param digest digest or null; when both are set the digest wins for pulling
 */
public record ImageRef(String registry, String repository, String tag, Digest digest) {
  /** Docker Hub's canonical name; {@code index.docker.io} and {@code registry-1.docker.io} map to it. */
  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern HOST = Pattern.compile(
      "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?"
          + "|\\[[0-9A-Fa-f:.]+\\](?::[0-9]+)?");

  public ImageRef {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    if (!HOST.matcher(registry).matches()) {
      throw new IllegalArgumentException("invalid registry host '" + registry + "'");
    }
    if (repository.isEmpty() || repository.length() > 255) {
      throw new IllegalArgumentException("invalid repository '" + repository + "' (empty or longer than 255)");
    }
    for (String part : repository.split("/", -1)) {
      if (!COMPONENT.matcher(part).matches()) {
        throw new IllegalArgumentException("invalid repository '" + repository
            + "' (each path component must be lowercase letters, digits and . _ - separators)");
      }
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("invalid tag '" + tag + "' in image " + registry + "/" + repository);
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
  }

  /**
   * Parses a reference such as {@code calico/node:v3.22.1}, {@code registry.k8s.io/pause@sha256:...}.
   *
   * @throws IllegalArgumentException naming the input when it is not a valid reference
   */
  public static ImageRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("invalid image reference '' (expected [registry/]repository[:tag][@digest])");
    }
    try {
      String rest = text;
      Digest digest = null;
      int at = rest.indexOf('@');
      if (at >= 0) {
        digest = Digest.parse(rest.substring(at + 1));
        rest = rest.substring(0, at);
      }
      String tag = null;
      int slash = rest.lastIndexOf('/');
      int colon = rest.lastIndexOf(':');
      if (colon > slash) {
        tag = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      String registry = DOCKER_HUB;
      int first = rest.indexOf('/');
      if (first > 0) {
        String head = rest.substring(0, first);
        if (head.contains(".") || head.contains(":") || head.equals("localhost") || head.startsWith("[")) {
          registry = head;
          rest = rest.substring(first + 1);
        }
      }
      if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
        registry = DOCKER_HUB;
      }
      if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
        rest = "library/" + rest;
      }
      return new ImageRef(registry, rest, tag, digest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid image reference '" + text + "': " + e.getMessage(), e);
    }
  }

  /** The tag or digest to ask the registry for: the digest when present, else the tag. */
  public String reference() {
    return digest != null ? digest.toString() : tag;
  }

  /** {@code registry/repository} without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The same image pinned to a digest (the tag is kept for readability). */
  public ImageRef withDigest(Digest d) {
    return new ImageRef(registry, repository, tag, d);
  }

  /** The same repository at another registry (used by mirrors). */
  public ImageRef withRegistryAndRepository(String newRegistry, String newRepository) {
    return new ImageRef(newRegistry, newRepository, tag, digest);
  }

  @Override
  public String toString() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
