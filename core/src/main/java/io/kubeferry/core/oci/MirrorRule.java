package io.kubeferry.core.oci;

import io.kubeferry.core.ImageRef;
import java.util.Objects;

/**
 * Where else an image of a canonical registry can be pulled from: {@code registry.k8s.io/pause} via
 * {@code registry.aliyuncs.com/google_containers/pause}, or via a lab endpoint {@code 127.0.0.1:40123}. The image
 * keeps its canonical name in the bundle whichever endpoint served it. Immutable.
 *
 * @param canonical canonical registry host the rule applies to
 * @param endpoint endpoint {@code host[:port]}
 * @param prefix path put in front of the repository, or empty
 * @param flatten keep only the repository's last path component (after the prefix)
 */
public record MirrorRule(String canonical, String endpoint, String prefix, boolean flatten) {
  public MirrorRule {
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(endpoint, "endpoint");
    prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
  }

  /**
   * Parses {@code canonical=endpoint[/prefix]}, e.g. {@code registry.k8s.io=127.0.0.1:5000} or
   * {@code docker.io=mirror.example/hub}.
   */
  public static MirrorRule parse(String text) {
    int eq = text == null ? -1 : text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("invalid mirror mapping '" + text
          + "' (expected canonical=endpoint[/prefix], e.g. registry.k8s.io=127.0.0.1:5000)");
    }
    String target = text.substring(eq + 1);
    int slash = target.indexOf('/');
    return new MirrorRule(text.substring(0, eq), slash < 0 ? target : target.substring(0, slash),
        slash < 0 ? "" : target.substring(slash + 1), false);
  }

  /** Whether the rule applies to this image. */
  public boolean appliesTo(ImageRef ref) {
    return ref.registry().equals(canonical);
  }

  /** The repository path at the endpoint for a canonical repository. */
  public String repositoryFor(String repository) {
    String r = flatten ? repository.substring(repository.lastIndexOf('/') + 1) : repository;
    return prefix.isEmpty() ? r : prefix + "/" + r;
  }

  @Override
  public String toString() {
    return canonical + "=" + endpoint + (prefix.isEmpty() ? "" : "/" + prefix) + (flatten ? " (flattened)" : "");
  }
}
