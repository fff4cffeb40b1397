package io.kubeferry.bundler.image;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * {@code images.lock}: per Kubernetes version and architecture, each canonical image reference with the digest of
 * what its tag resolved to (index or manifest) and the platform manifest digests. Written with sorted keys so it
 * diffs cleanly; an entry may lack a digest (marked with a note) when it could not be established. Not
 * thread-safe.
 */
public final class ImagesLock {
  /** One locked image. {@code digest} null means "not pinned" (see {@code note}). */
  public record Entry(Digest digest, Map<String, Digest> platforms, String note) {
    public Entry {
      platforms = java.util.Collections.unmodifiableMap(new TreeMap<>(platforms == null ? Map.of() : platforms));
    }
  }

  private final TreeMap<String, TreeMap<String, TreeMap<String, Entry>>> byVersion = new TreeMap<>();

  /** An empty lock. */
  public ImagesLock() {}

  /**
   * Reads a lock file; a missing file gives an empty lock.
   *
   * @throws IOException naming the file when it cannot be read or is malformed
   */
  @SuppressWarnings("unchecked")
  public static ImagesLock read(Path file) throws IOException {
    ImagesLock lock = new ImagesLock();
    if (!Files.exists(file)) {
      return lock;
    }
    try {
      Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
      Map<String, Object> doc = (Map<String, Object>) load.loadFromString(Files.readString(file));
      Map<String, Object> k8s = (Map<String, Object>) doc.getOrDefault("kubernetes", Map.of());
      for (var v : k8s.entrySet()) {
        for (var a : ((Map<String, Object>) v.getValue()).entrySet()) {
          for (var i : ((Map<String, Object>) a.getValue()).entrySet()) {
            Map<String, Object> e = (Map<String, Object>) i.getValue();
            Map<String, Digest> platforms = new TreeMap<>();
            ((Map<String, Object>) e.getOrDefault("platforms", Map.of()))
                .forEach((p, d) -> platforms.put(p, Digest.parse(String.valueOf(d))));
            Object d = e.get("digest");
            lock.put(v.getKey(), a.getKey(), i.getKey(), new Entry(d == null ? null : Digest.parse(String.valueOf(d)),
                platforms, (String) e.get("note")));
          }
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("could not read image lock: " + e.getMessage() + " (file " + file + ")", e);
    }
    return lock;
  }

  /** The entries for a version and architecture (empty map when none). */
  public Map<String, Entry> entries(String version, String arch) {
    return byVersion.getOrDefault(version, new TreeMap<>()).getOrDefault(arch, new TreeMap<>());
  }

  /** Sets one entry. */
  public void put(String version, String arch, String image, Entry e) {
    byVersion.computeIfAbsent(version, k -> new TreeMap<>()).computeIfAbsent(arch, k -> new TreeMap<>()).put(image, e);
  }

  /** Removes every entry of a version and architecture (before refreshing them). */
  public void clear(String version, String arch) {
    TreeMap<String, TreeMap<String, Entry>> v = byVersion.get(version);
    if (v != null) {
      v.remove(arch);
    }
  }

  /** The lock as YAML with sorted keys. */
  public String toYaml() {
    StringBuilder b = new StringBuilder();
    b.append("# kubeferry images.lock: canonical image -> digest of what its tag resolved to -> platform manifests.\n");
    b.append("# Written by `kubeferry bundle lock`; a `--locked` pull fails when a registry serves anything else.\n");
    b.append("apiVersion: kubeferry.io/v1alpha1\nkind: ImagesLock\nkubernetes:\n");
    byVersion.forEach((v, arches) -> {
      b.append("  \"").append(v).append("\":\n");
      arches.forEach((a, images) -> {
        b.append("    ").append(a).append(":\n");
        images.forEach((ref, e) -> {
          b.append("      \"").append(ref).append("\":\n");
          b.append("        digest: ").append(e.digest() == null ? "null" : "\"" + e.digest() + "\"").append('\n');
          if (e.note() != null) {
            b.append("        note: \"").append(e.note().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
          }
          if (!e.platforms().isEmpty()) {
            b.append("        platforms:\n");
            e.platforms().forEach((p, d) -> b.append("          ").append(p).append(": \"").append(d).append("\"\n"));
          }
        });
      });
    });
    return b.toString();
  }

  /** Writes the lock atomically (temp file + rename). */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, toYaml().getBytes(StandardCharsets.UTF_8));
  }
}
