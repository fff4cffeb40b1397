package io.kubeferry.core.oci;

import io.kubeferry.core.ImageRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a canonical image reference into the endpoints to try, in order: each matching mirror rule, then the
 * upstream itself unless {@code mirrorsOnly} (the lab, or an offline mirror, must never fall through to the
 * internet; then an image without a matching rule has no candidate at all). Immutable.
 */
public record Sources(List<MirrorRule> mirrors, boolean mirrorsOnly) {
  public Sources {
    mirrors = List.copyOf(mirrors);
  }

  /** Only the upstream registries. */
  public static Sources upstream() {
    return new Sources(List.of(), false);
  }

  /** Endpoints to try for {@code ref}, insecure where the client's options allow plain HTTP. */
  public List<Remote> candidates(ImageRef ref, RegistryClient client) {
    List<Remote> out = new ArrayList<>();
    for (MirrorRule m : mirrors) {
      if (m.appliesTo(ref)) {
        out.add(client.remote(m.endpoint(), m.repositoryFor(ref.repository())));
      }
    }
    if (!mirrorsOnly) {
      out.add(client.remote(ref.registry(), ref.repository()));
    }
    return out;
  }
}
