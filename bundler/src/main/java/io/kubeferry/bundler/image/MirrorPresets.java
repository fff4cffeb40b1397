package io.kubeferry.bundler.image;

import io.kubeferry.core.oci.MirrorRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Named mirror presets ({@code --mirror cn}) read from the data file {@code mirrors.yaml}. */
public final class MirrorPresets {
  private MirrorPresets() {}

  /**
   * The mirror rules of a preset, in the order they are tried.
   *
   * @throws ImageCatalogException for an unknown preset, listing the known ones
   */
  @SuppressWarnings("unchecked")
  public static List<MirrorRule> preset(String name) throws ImageCatalogException {
    Map<String, Object> presets;
    try (InputStream in = MirrorPresets.class.getResourceAsStream("mirrors.yaml")) {
      Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
      presets = (Map<String, Object>) ((Map<String, Object>) load.loadFromInputStream(in)).get("presets");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object p = presets.get(name);
    if (p == null) {
      throw new ImageCatalogException("unknown mirror preset '" + name + "' (known: "
          + String.join(", ", presets.keySet()) + ")");
    }
    List<MirrorRule> out = new ArrayList<>();
    for (Object o : (List<Object>) p) {
      Map<String, Object> r = (Map<String, Object>) o;
      out.add(new MirrorRule((String) r.get("canonical"), (String) r.get("endpoint"), (String) r.get("prefix"),
          Boolean.TRUE.equals(r.get("flatten"))));
    }
    return out;
  }
}
