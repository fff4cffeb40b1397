package io.kubeferry.core.oci;

import io.kubeferry.core.Descriptor;
import io.kubeferry.core.Digest;
import io.kubeferry.core.MediaTypes;
import io.kubeferry.core.Platform;
import io.kubeferry.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A manifest or index exactly as the registry served it: raw bytes, media type and digest. The bytes are never
 * re-serialised, so the digest stays the upstream one. Parsed views ({@link #children()}, {@link #config()},
 * {@link #layers()}) are read from the raw bytes. Immutable (the array is not copied; do not modify it).
 */
public record Manifest(String mediaType, Digest digest, byte[] raw) {
  public Manifest {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Wraps raw bytes, computing the digest; the media type comes from the HTTP Content-Type when it names a
   * manifest type, else from the document's own {@code mediaType} field.
   *
   * @throws IllegalArgumentException when the bytes are not a manifest or index this tool understands
   */
  public static Manifest of(byte[] raw, String contentType) {
    String type = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!MediaTypes.MANIFESTS.contains(type)) {
      Object doc = Json.parse(raw);
      Object field = doc instanceof Map<?, ?> m ? m.get("mediaType") : null;
      if (field instanceof String f && MediaTypes.MANIFESTS.contains(f)) {
        type = f;
      } else if (doc instanceof Map<?, ?> m && m.get("manifests") instanceof List) {
        type = MediaTypes.OCI_INDEX;
      } else if (doc instanceof Map<?, ?> m && m.get("config") instanceof Map) {
        type = MediaTypes.OCI_MANIFEST;
      } else {
        throw new IllegalArgumentException("unsupported manifest media type '" + contentType
            + "' (expected Docker schema2 or OCI manifest or index)");
      }
    }
    return new Manifest(type, Digest.sha256Of(raw), raw);
  }

  /** Whether this is a multi-platform index / manifest list. */
  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }

  /** This manifest as a descriptor (for an index entry or layout). */
  public Descriptor descriptor() {
    return new Descriptor(mediaType, digest, raw.length);
  }

  /** Entries of an index, with their platforms; empty for an image manifest. */
  public List<Descriptor> children() {
    List<Descriptor> out = new ArrayList<>();
    if (!isIndex()) {
      return out;
    }
    for (Object o : list(doc().get("manifests"))) {
      out.add(descriptor(map(o)));
    }
    return out;
  }

  /** The config descriptor of an image manifest. */
  public Descriptor config() {
    if (isIndex()) {
      throw new IllegalStateException("an index has no config: " + digest);
    }
    return descriptor(map(doc().get("config")));
  }

  /** The layer descriptors of an image manifest, in order. */
  public List<Descriptor> layers() {
    List<Descriptor> out = new ArrayList<>();
    if (isIndex()) {
      return out;
    }
    for (Object o : list(doc().get("layers"))) {
      out.add(descriptor(map(o)));
    }
    return out;
  }

  /** Config and layers: every blob an image manifest references. */
  public List<Descriptor> blobs() {
    List<Descriptor> all = new ArrayList<>();
    all.add(config());
    all.addAll(layers());
    return all;
  }

  private Map<String, Object> doc() {
    return map(Json.parse(raw));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("malformed manifest: expected an object");
    }
    return (Map<String, Object>) o;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Descriptor descriptor(Map<String, Object> m) {
    Platform platform = null;
    if (m.get("platform") instanceof Map<?, ?> p) {
      platform = new Platform(String.valueOf(p.get("os")), String.valueOf(p.get("architecture")),
          p.get("variant") instanceof String v && !v.isEmpty() ? v : null);
    }
    Map<String, String> ann = new LinkedHashMap<>();
    if (m.get("annotations") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> ann.put(String.valueOf(k), String.valueOf(v)));
    }
    Object size = m.get("size");
    if (!(size instanceof Long) || !(m.get("digest") instanceof String) || !(m.get("mediaType") instanceof String)) {
      throw new IllegalArgumentException("malformed descriptor (needs mediaType, digest, size): " + Json.write(m));
    }
    return new Descriptor((String) m.get("mediaType"), Digest.parse((String) m.get("digest")), (Long) size,
        platform, ann);
  }
}
