package io.kubeferry.installer.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.Json;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Parses what can be parsed here: YAML documents (each with apiVersion and kind) and JSON. */
final class RenderedSyntax {
  private RenderedSyntax() {}

  static void check(RenderedFile f) {
    if (f.hostPath().endsWith(".yaml")) {
      int docs = 0;
      LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build();
      for (Object doc : new Load(settings).loadAllFromString(f.content())) {
        assertTrue(doc instanceof Map<?, ?> m && m.get("apiVersion") instanceof String && m.get("kind") instanceof String,
            f.hostPath() + " has a document without apiVersion and kind");
        docs++;
      }
      assertTrue(docs > 0, f.hostPath() + " is empty");
    } else if (f.hostPath().endsWith(".json")) {
      assertTrue(Json.parse(f.content()) instanceof Map<?, ?>, f.hostPath());
    }
  }
}
