package io.kubeferry.lab.yum;

import io.kubeferry.core.Nevra;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads the lab package definitions ({@code packages.yaml}, data not code) into {@link LabPackage}s. */
public final class LabPackageCatalog {
  /** Classpath resource holding the definitions of the three lab repos. */
  public static final String RESOURCE = "/io/kubeferry/lab/yum/packages.yaml";

  private LabPackageCatalog() {}

  /** The raw bytes of the definitions (part of the cache key). */
  public static byte[] rawDefinitions() throws IOException {
    try (InputStream in = LabPackageCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("could not load lab package definitions: resource " + RESOURCE + " missing");
      }
      return in.readAllBytes();
    }
  }

  /** All packages of the three lab repos, in definition order. */
  public static List<LabPackage> load() throws IOException {
    return parse(new String(rawDefinitions(), StandardCharsets.UTF_8));
  }

  /** Parses definitions in the {@code packages.yaml} format. */
  public static List<LabPackage> parse(String yaml) {
    Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
    Object doc = load.loadFromString(yaml);
    if (!(doc instanceof List<?> entries)) {
      throw new IllegalArgumentException("lab package definitions must be a YAML list");
    }
    List<LabPackage> out = new ArrayList<>();
    for (Object e : entries) {
      if (!(e instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("lab package entry must be a mapping: " + e);
      }
      String repo = str(m, "repo");
      String name = str(m, "name");
      for (String evr : list(m, "versions")) {
        for (String arch : list(m, "arches")) {
          Nevra nevra = Nevra.parse(name + "-" + evr + "." + arch);
          List<String> files = list(m, "files");
          out.add(new LabPackage(repo, nevra, list(m, "requires"), list(m, "provides"), list(m, "obsoletes"),
              list(m, "conflicts"), list(m, "recommends"), list(m, "suggests"), list(m, "supplements"),
              list(m, "enhances"), files.isEmpty() ? List.of("/usr/bin/" + name) : files));
        }
      }
    }
    return out;
  }

  private static String str(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("lab package entry lacks '" + key + "': " + m);
    }
    return v.toString();
  }

  private static List<String> list(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("'" + key + "' must be a list in lab package entry " + m.get("name"));
    }
    return l.stream().map(Object::toString).toList();
  }
}
