package io.kubeferry.bundler.pack;

import io.kubeferry.core.Digest;
import io.kubeferry.core.bundle.ImageEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Lists the images of an OCI image layout for the bundle manifest: reference (the {@code io.containerd.image.name}
 * annotation, else {@code org.opencontainers.image.ref.name}), top-level digest, per-platform digests and the bytes
 * of all blobs each image reaches. JSON is read with snakeyaml-engine (JSON is YAML). Thread-safe (stateless).
 */
final class OciLayoutSummary {
  private static final String REF_CONTAINERD = "io.containerd.image.name";
  private static final String REF_OCI = "org.opencontainers.image.ref.name";

  private OciLayoutSummary() {}

  static List<ImageEntry> images(Path layout) throws IOException {
    Map<?, ?> index = json(layout.resolve("index.json"), "index.json");
    List<ImageEntry> images = new ArrayList<>();
    for (Object o : list(index.get("manifests"))) {
      Map<?, ?> desc = (Map<?, ?>) o;
      Map<?, ?> ann = desc.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
      Object ref = ann.containsKey(REF_CONTAINERD) ? ann.get(REF_CONTAINERD) : ann.get(REF_OCI);
      Digest digest = Digest.parse((String) desc.get("digest"));
      if (ref == null) {
        throw new IOException("could not list images: index.json entry " + digest + " has no reference annotation"
            + " (input " + layout + ")");
      }
      List<ImageEntry.Platform> platforms = new ArrayList<>();
      Set<Digest> blobs = new HashSet<>();
      walk(layout, desc, blobs, platforms, null);
      long size = 0;
      for (Digest d : blobs) {
        size += Files.size(blob(layout, d));
      }
      images.add(new ImageEntry((String) ref, digest, platforms, size));
    }
    return images;
  }

  private static void walk(Path layout, Map<?, ?> desc, Set<Digest> blobs, List<ImageEntry.Platform> platforms,
      String platform) throws IOException {
    Digest digest = Digest.parse((String) desc.get("digest"));
    blobs.add(digest);
    Map<?, ?> doc = json(blob(layout, digest), digest.toString());
    if (doc.get("manifests") != null) { // an index or manifest list
      for (Object o : list(doc.get("manifests"))) {
        Map<?, ?> child = (Map<?, ?>) o;
        Digest d = Digest.parse((String) child.get("digest"));
        if (!Files.isRegularFile(layout.resolve("blobs").resolve(d.algorithm()).resolve(d.hex()))) {
          continue; // the index is kept byte-exact, but only the requested platforms were pulled
        }
        String p = child.get("platform") instanceof Map<?, ?> pm ? platformOf(pm) : null;
        walk(layout, child, blobs, platforms, p);
      }
      return;
    }
    if (platform == null) {
      Map<?, ?> config = (Map<?, ?>) doc.get("config");
      Map<?, ?> cfg = json(blob(layout, Digest.parse((String) config.get("digest"))), "config");
      platform = cfg.get("os") + "/" + cfg.get("architecture") + (cfg.get("variant") == null ? "" : "/"
          + cfg.get("variant"));
    }
    if (!"unknown/unknown".equals(platform)) { // attestation manifests carry no runnable platform
      platforms.add(new ImageEntry.Platform(platform, digest));
    }
    if (doc.get("config") instanceof Map<?, ?> config) {
      blobs.add(Digest.parse((String) config.get("digest")));
    }
    for (Object o : list(doc.get("layers"))) {
      blobs.add(Digest.parse((String) ((Map<?, ?>) o).get("digest")));
    }
  }

  private static String platformOf(Map<?, ?> p) {
    return p.get("os") + "/" + p.get("architecture") + (p.get("variant") == null ? "" : "/" + p.get("variant"));
  }

  private static Path blob(Path layout, Digest d) throws NoSuchFileException {
    Path p = layout.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
    if (!Files.isRegularFile(p)) {
      throw new NoSuchFileException(p.toString(), null, "blob " + d + " missing from the image layout");
    }
    return p;
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static Map<?, ?> json(Path file, String what) throws IOException {
    Object doc = new Load(LoadSettings.builder().build())
        .loadFromString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    if (!(doc instanceof Map<?, ?> m)) {
      throw new IOException("could not read " + what + ": not a JSON object (input " + file + ")");
    }
    return m;
  }
}
