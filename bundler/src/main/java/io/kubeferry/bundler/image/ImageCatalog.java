package io.kubeferry.bundler.image;

import io.kubeferry.core.KubernetesVersion;
import io.kubeferry.core.bundle.ClusterComponents;
import io.kubeferry.core.bundle.ImageRole;
import io.kubeferry.core.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The images a kubeadm cluster needs per exact Kubernetes version, read from the data file
 * {@code kubernetes.yaml} (control plane, pause, etcd and CoreDNS with their patch-level moves, the default
 * registry k8s.gcr.io or registry.k8s.io, CNI add-ons, load balancers, the registry image). Immutable, thread-safe.
 */
public final class ImageCatalog {
  private final Map<String, Object> doc;
  private final TreeMap<KubernetesVersion, Map<String, Object>> minors = new TreeMap<>();

  private ImageCatalog(Map<String, Object> doc) {
    this.doc = doc;
    for (Map.Entry<String, Object> e : map(doc.get("minors")).entrySet()) {
      minors.put(KubernetesVersion.parse(e.getKey() + ".0"), map(e.getValue()));
    }
  }

  /** The catalog shipped with kubeferry. */
  public static ImageCatalog load() {
    try (InputStream in = ImageCatalog.class.getResourceAsStream("kubernetes.yaml")) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a catalog document (same format as the shipped one). */
  @SuppressWarnings("unchecked")
  public static ImageCatalog parse(InputStream in) {
    Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build());
    return new ImageCatalog((Map<String, Object>) load.loadFromInputStream(in));
  }

  /** The supported range, e.g. {@code 1.20.0 to 1.31.14}. */
  public String supportedRange() {
    KubernetesVersion last = minors.lastKey();
    return minors.firstKey() + " to " + last.major() + "." + last.minor() + "." + integer(minors.lastEntry().getValue(), "lastPatch");
  }

  /**
   * The image set for a version, in a stable order (kubeadm's images first).
   *
   * @throws ImageCatalogException for a version outside the catalog or an unknown add-on, naming what is supported
   */
  public List<CatalogImage> images(KubernetesVersion v, ImageSetOptions opts) throws ImageCatalogException {
    Map<String, Object> m = minor(v);
    String reg = defaultRegistry(v);
    List<CatalogImage> out = new ArrayList<>();
    for (Object name : list(doc.get("controlPlane"))) {
      out.add(new CatalogImage(ImageRole.CONTROL_PLANE, ImageRef.parse(reg + "/" + name + ":" + v.tag())));
    }
    out.add(new CatalogImage(ImageRole.PAUSE, ImageRef.parse(reg + "/pause:" + m.get("pause"))));
    out.add(new CatalogImage(ImageRole.ETCD, ImageRef.parse(reg + "/etcd:" + byPatch(m.get("etcd"), v, "tag"))));
    out.add(new CatalogImage(ImageRole.COREDNS, ImageRef.parse(corednsRepository(v, null) + ":" + corednsTag(v))));
    if (!opts.cni().equals("none")) {
      String version = cniVersion(v, opts.cni());
      for (Object o : list(map(doc.get("addons")).get(opts.cni()))) {
        Map<String, Object> entry = map(o);
        String ver = version;
        if (entry.get("before") != null && compareVersions(ver, String.valueOf(entry.get("before"))) >= 0) {
          continue;
        }
        if (entry.get("from") != null && compareVersions(ver, String.valueOf(entry.get("from"))) < 0) {
          continue;
        }
        out.add(new CatalogImage(ImageRole.CNI, ImageRef.parse(String.valueOf(entry.get("image")).replace("{version}", ver))));
      }
    }
    if (!opts.loadBalancer().equals("none")) {
      Object lb = map(doc.get("loadBalancers")).get(opts.loadBalancer());
      if (lb == null) {
        throw new ImageCatalogException("unknown load balancer '" + opts.loadBalancer() + "' (supported: "
            + String.join(", ", map(doc.get("loadBalancers")).keySet()) + ", none)");
      }
      for (Object o : list(lb)) {
        out.add(new CatalogImage(ImageRole.LOAD_BALANCER, ImageRef.parse(String.valueOf(o))));
      }
    }
    if (opts.includeRegistry()) {
      out.add(new CatalogImage(ImageRole.REGISTRY, ImageRef.parse(String.valueOf(doc.get("registry")))));
    }
    return out;
  }

  /**
   * What the bundle manifest records about the cluster for {@code v} and these choices (kubeadm's registry and tags,
   * the CNI release, the load balancer).
   */
  public ClusterComponents components(KubernetesVersion v, ImageSetOptions opts) throws ImageCatalogException {
    Map<String, Object> m = minor(v);
    return new ClusterComponents(defaultRegistry(v), String.valueOf(m.get("pause")), byPatch(m.get("etcd"), v, "tag"),
        corednsTag(v), opts.cni(), opts.cni().equals("none") ? "" : cniVersion(v, opts.cni()), opts.loadBalancer());
  }

  /** The CNI a cluster of this version gets when the operator names none ({@code defaultCni} of its minor). */
  public String defaultCni(KubernetesVersion v) throws ImageCatalogException {
    return String.valueOf(minor(v).get("defaultCni"));
  }

  /** The release of {@code cni} the catalog pins for {@code v}; a clear refusal when it carries none for that minor. */
  public String cniVersion(KubernetesVersion v, String cni) throws ImageCatalogException {
    Map<String, Object> addons = map(doc.get("addons"));
    if (!addons.containsKey(cni)) {
      throw new ImageCatalogException("unknown CNI '" + cni + "' (supported: " + String.join(", ", addons.keySet())
          + ", none)");
    }
    Object version = map(minor(v).get("cni")).get(cni);
    if (version == null) {
      Object why = map(doc.get("unavailable")).get(cni);
      throw new ImageCatalogException("CNI '" + cni + "' is not carried for Kubernetes " + v.minorKey()
          + (why == null ? "" : ": " + why) + " (available: " + String.join(", ", map(minor(v).get("cni")).keySet())
          + ", none)");
    }
    return String.valueOf(version);
  }

  /** kubeadm's default image registry for this version: {@code k8s.gcr.io} or {@code registry.k8s.io}. */
  public String defaultRegistry(KubernetesVersion v) throws ImageCatalogException {
    return byPatch(minor(v).get("registry"), v, "host");
  }

  /**
   * The CoreDNS repository kubeadm uses: {@code <default>/coredns/coredns} with the default registry (flat
   * {@code coredns} on 1.20), and always the flat {@code <repo>/coredns} with a custom {@code imageRepository}.
   *
   * @param customRepository the cluster's {@code imageRepository}, or null for the default registry
   */
  public String corednsRepository(KubernetesVersion v, String customRepository) throws ImageCatalogException {
    if (customRepository != null) {
      return customRepository + "/coredns";
    }
    Map<String, Object> m = minor(v);
    Object c = m.get("coredns");
    String path = c instanceof Map<?, ?> cm ? String.valueOf(cm.get("path")) : "nested";
    return defaultRegistry(v) + (path.equals("flat") ? "/coredns" : "/coredns/coredns");
  }

  private String corednsTag(KubernetesVersion v) throws ImageCatalogException {
    Object c = minor(v).get("coredns");
    return c instanceof Map<?, ?> cm ? String.valueOf(cm.get("tag")) : byPatch(c, v, "tag");
  }

  private Map<String, Object> minor(KubernetesVersion v) throws ImageCatalogException {
    Map<String, Object> m = minors.get(new KubernetesVersion(v.major(), v.minor(), 0));
    if (m == null || v.patch() > integer(m, "lastPatch")) {
      throw new ImageCatalogException("unsupported Kubernetes version " + v + " (supported: " + supportedRange()
          + (m == null ? "" : "; " + v.minorKey() + " goes up to " + v.minorKey() + "." + integer(m, "lastPatch"))
          + ")");
    }
    return m;
  }

  private static String byPatch(Object rules, KubernetesVersion v, String field) throws ImageCatalogException {
    String value = null;
    for (Object o : list(rules)) {
      Map<String, Object> r = map(o);
      if (integer(r, "from") <= v.patch()) {
        value = String.valueOf(r.get(field));
      }
    }
    if (value == null) {
      throw new ImageCatalogException("catalog has no " + field + " for Kubernetes " + v);
    }
    return value;
  }

  /** Compares dotted versions numerically, ignoring a leading {@code v} and any suffix after '-'. */
  static int compareVersions(String a, String b) {
    String[] x = a.replaceFirst("^v", "").split("-")[0].split("\\.");
    String[] y = b.replaceFirst("^v", "").split("-")[0].split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int integer(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }
}
