package io.kubeferry.bundler.build;

import io.kubeferry.core.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The repositories `bundle build` reads when the operator names none: the Kubernetes packages for the version's
 * era, docker-ce for the OS, and the OS's own base repositories, from the data file {@code sources.yaml}; and the
 * {@code --mirror} presets that rewrite them. Immutable, thread-safe.
 */
public final class DefaultSources {
  private final Map<String, Object> doc;

  private DefaultSources(Map<String, Object> doc) {
    this.doc = doc;
  }

  /** The data shipped with kubeferry. */
  public static DefaultSources load() {
    return new DefaultSources(DataFile.load("sources.yaml"));
  }

  /**
   * The default repositories for a target, in resolution order (Kubernetes, docker-ce, base).
   *
   * @param rpmArch {@code x86_64} or {@code aarch64}
   * @throws IllegalArgumentException naming the OS profiles that have defaults
   */
  public List<SourceRepo> forTarget(KubernetesVersion version, String os, String rpmArch) {
    List<SourceRepo> out = new ArrayList<>();
    out.add(kubernetes(version, rpmArch));
    Object docker = DataFile.map(doc.get("dockerCe")).get(os);
    List<?> base = DataFile.list(DataFile.map(doc.get("base")).get(os));
    if (docker == null || base.isEmpty()) {
      throw new IllegalArgumentException("no default repositories for OS profile '" + os + "' (known: "
          + String.join(", ", new TreeSet<>(DataFile.map(doc.get("base")).keySet())) + "); name them with --repo");
    }
    out.add(repo(DataFile.map(docker), version, rpmArch));
    for (Object b : base) {
      out.add(repo(DataFile.map(b), version, rpmArch));
    }
    return out;
  }

  /** The URL rewrites of a {@code --mirror} preset. */
  public UrlMap mirror(String name) {
    Map<String, Object> presets = DataFile.map(doc.get("mirrors"));
    Object rules = presets.get(name);
    if (rules == null) {
      throw new IllegalArgumentException("unknown mirror preset '" + name + "' (known: "
          + String.join(", ", new TreeSet<>(presets.keySet())) + ")");
    }
    List<UrlMap.Rule> out = new ArrayList<>();
    for (Object r : DataFile.list(rules)) {
      Map<String, Object> m = DataFile.map(r);
      out.add(new UrlMap.Rule(DataFile.string(m, "from"), DataFile.string(m, "to")));
    }
    return new UrlMap(out);
  }

  private SourceRepo kubernetes(KubernetesVersion v, String rpmArch) {
    for (Object o : DataFile.list(doc.get("kubernetes"))) {
      Map<String, Object> m = DataFile.map(o);
      String upTo = DataFile.string(m, "upTo");
      String from = DataFile.string(m, "from");
      if ((upTo == null || v.minor() <= minorOf(upTo)) && (from == null || v.minor() >= minorOf(from))) {
        return repo(m, v, rpmArch);
      }
    }
    throw new IllegalArgumentException("no default Kubernetes package repository for " + v
        + "; name one with --repo kubernetes=URL");
  }

  private static SourceRepo repo(Map<String, Object> m, KubernetesVersion v, String rpmArch) {
    List<String> keys = new ArrayList<>();
    for (Object k : DataFile.list(m.get("keys"))) {
      keys.add(fill(String.valueOf(k), v, rpmArch));
    }
    return new SourceRepo(DataFile.string(m, "id"), fill(DataFile.string(m, "url"), v, rpmArch), keys,
        !Boolean.FALSE.equals(m.get("signedMetadata")),
        m.get("note") == null ? "" : fill(DataFile.string(m, "note"), v, rpmArch));
  }

  private static String fill(String s, KubernetesVersion v, String rpmArch) {
    return s.replace("{minor}", v.minorKey()).replace("{rpmArch}", rpmArch);
  }

  private static int minorOf(String majorMinor) {
    return Integer.parseInt(majorMinor.substring(majorMinor.indexOf('.') + 1));
  }
}
