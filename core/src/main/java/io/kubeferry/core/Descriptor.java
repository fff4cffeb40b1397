package io.kubeferry.core;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An OCI content descriptor: what a manifest or index says about a blob or child manifest. Immutable.
 *
 * @param mediaType media type, never null
 * @param digest content digest
 * @param size content size in bytes, not negative
 * @param platform platform of an index entry, or null
 * @param annotations annotations (sorted, possibly empty, never null)
 */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform,
    Map<String, String> annotations) {
  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " for " + digest);
    }
    annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** A descriptor without platform or annotations. */
  public Descriptor(String mediaType, Digest digest, long size) {
    this(mediaType, digest, size, null, Map.of());
  }

  /** The same descriptor with these annotations added (or replaced). */
  public Descriptor withAnnotations(Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(annotations);
    all.putAll(more);
    return new Descriptor(mediaType, digest, size, platform, all);
  }
}
