package io.kubeferry.core.template;

import io.kubeferry.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The table of upstream files in {@code manifests/cni/} ({@value #ORIGINS}): every copied file with its origin and,
 * for the CNI manifests, how they are applied. Immutable.
 */
public final class UpstreamManifests {
  /** Where the CNI manifests live under {@code manifests/}. */
  public static final String DIR = "cni";
  /** The table, under {@link #DIR}. */
  public static final String ORIGINS = "origins.yaml";
  private static final String KIND = "UpstreamManifests";

  private final List<UpstreamManifest> manifests;
  private final List<UpstreamFile> files;

  private UpstreamManifests(List<UpstreamManifest> manifests, List<UpstreamFile> files) {
    this.manifests = List.copyOf(manifests);
    this.files = List.copyOf(files);
  }

  /**
   * Reads {@code manifestsDir/cni/origins.yaml}.
   *
   * @throws ManifestException when the table is unreadable or malformed (naming the entry)
   */
  public static UpstreamManifests load(Path manifestsDir) throws ManifestException {
    Path table = manifestsDir.resolve(DIR).resolve(ORIGINS);
    String where = DIR + "/" + ORIGINS;
    try {
      return parse(Files.readString(table, StandardCharsets.UTF_8), where);
    } catch (IOException e) {
      throw new ManifestException("could not read " + where + ": " + e.getMessage(), where, e);
    }
  }

  static UpstreamManifests parse(String yaml, String where) throws ManifestException {
    try {
      Object doc = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build())
          .loadFromString(yaml);
      if (!(doc instanceof Map<?, ?> top) || !KIND.equals(top.get("kind"))) {
        throw new IllegalArgumentException("not a " + KIND + " document");
      }
      List<UpstreamManifest> manifests = new ArrayList<>();
      List<UpstreamFile> files = new ArrayList<>();
      for (Map<?, ?> m : maps(top.get("manifests"), "manifests")) {
        UpstreamFile file = file(m);
        files.add(file);
        manifests.add(new UpstreamManifest(file, text(m, "cni"), text(m, "version"),
            text(map(m.get("kubernetes"), "kubernetes"), "from"), text(map(m.get("kubernetes"), "kubernetes"), "to"),
            text(m, "licence"), strings(m.get("imageTags")), rule(map(m.get("podSubnet"), "podSubnet"))));
      }
      for (Map<?, ?> f : maps(top.get("files"), "files")) {
        files.add(file(f));
      }
      return new UpstreamManifests(manifests, files);
    } catch (YamlEngineException | IllegalArgumentException | ClassCastException e) {
      throw new ManifestException("could not read " + where + ": " + e.getMessage(), where, e);
    }
  }

  /** Every CNI manifest, in table order. */
  public List<UpstreamManifest> manifests() {
    return manifests;
  }

  /** Every copied file (manifests and licence files), in table order. */
  public List<UpstreamFile> files() {
    return files;
  }

  /**
   * The manifest of CNI {@code cni} at {@code version}, for a cluster of {@code kubernetes}.
   *
   * @throws ManifestException when no manifest of that release is shipped, or it is not for that minor
   */
  public UpstreamManifest forCni(String cni, String version, KubernetesVersion kubernetes) throws ManifestException {
    UpstreamManifest m = manifests.stream().filter(x -> x.cni().equals(cni) && x.version().equals(version))
        .findFirst().orElseThrow(() -> new ManifestException(DIR + "/" + ORIGINS, 0, "",
            "could not select the " + cni + " manifest: no upstream manifest of " + cni + " " + version
                + " is shipped (shipped: " + manifests.stream().filter(x -> x.cni().equals(cni))
                .map(UpstreamManifest::version).collect(Collectors.joining(", ")) + ")"));
    if (!m.supports(kubernetes)) {
      throw new ManifestException(DIR + "/" + m.file().path(), 0, "", "could not select the " + cni
          + " manifest: " + cni + " " + version + " is applied to Kubernetes " + m.fromMinor() + " to "
          + m.toMinor() + ", not " + kubernetes.minorKey());
    }
    return m;
  }

  private static UpstreamFile file(Map<?, ?> m) {
    return new UpstreamFile(text(m, "path"), text(m, "repository"), text(m, "commit"), text(m, "upstreamPath"),
        text(m, "sha256"));
  }

  private static PodSubnetRule rule(Map<?, ?> m) {
    if ("kubeadm-config".equals(m.get("from")) && m.size() == 1) {
      return new PodSubnetRule.FromKubeadmConfig();
    }
    if (m.containsKey("line") && m.size() == 2) {
      return new PodSubnetRule.ReplaceInLine(text(m, "line"), text(m, "cidr"));
    }
    if (m.containsKey("fixed") && m.size() == 1) {
      return new PodSubnetRule.Fixed(text(m, "fixed"));
    }
    throw new IllegalArgumentException("podSubnet " + m + " is none of {from: kubeadm-config}, {line, cidr}, {fixed}");
  }

  private static List<Map<?, ?>> maps(Object o, String key) {
    if (!(o instanceof List<?> list)) {
      throw new IllegalArgumentException("'" + key + "' must be a list");
    }
    List<Map<?, ?>> out = new ArrayList<>();
    for (Object item : list) {
      out.add(map(item, key));
    }
    return out;
  }

  private static Map<?, ?> map(Object o, String key) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("'" + key + "' must be a mapping");
    }
    return m;
  }

  private static String text(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' must be a non-empty string in " + m.get("path"));
    }
    return s;
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o != null) {
      map(o, "imageTags").forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }
}
