package io.kubeferry.lab.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Walks an index in a {@link BlobStore}: every blob it reaches, and its platform → manifest map. */
final class BlobWalk {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BlobWalk() {
  }

  /** The index, its manifests, their configs and layers. Missing manifests are listed but not followed. */
  static Set<Digest> closure(BlobStore store, Digest index) throws IOException {
    Set<Digest> out = new LinkedHashSet<>();
    out.add(index);
    for (JsonNode m : JSON.readTree(store.read(index)).get("manifests")) {
      Digest md = Digest.parse(m.get("digest").asText());
      out.add(md);
      if (!store.has(md)) {
        continue;
      }
      JsonNode manifest = JSON.readTree(store.read(md));
      out.add(Digest.parse(manifest.get("config").get("digest").asText()));
      for (JsonNode l : manifest.get("layers")) {
        out.add(Digest.parse(l.get("digest").asText()));
      }
    }
    return out;
  }

  static Map<String, Digest> platforms(BlobStore store, Digest index) throws IOException {
    Map<String, Digest> out = new LinkedHashMap<>();
    for (JsonNode m : JSON.readTree(store.read(index)).get("manifests")) {
      JsonNode p = m.get("platform");
      out.put(p.get("os").asText() + "/" + p.get("architecture").asText()
          + (p.has("variant") ? "/" + p.get("variant").asText() : ""), Digest.parse(m.get("digest").asText()));
    }
    return out;
  }
}
