package io.kubeferry.core.bundle;

import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads and writes {@link BundleManifest} as YAML (snakeyaml-engine, YAML 1.2 core schema). Output is stable: keys
 * in a fixed order, lists sorted by the record, UTF-8, LF line ends, so the same manifest gives the same bytes.
 * Reading rejects an unknown {@code apiVersion} with a message telling the user to upgrade; unknown keys are ignored
 * so a newer v1 writer stays readable. Thread-safe (stateless).
 */
public final class BundleManifestCodec {
  /** Every apiVersion this code reads; add older ones here when the format moves on (a newer installer reads them). */
  public static final Set<String> READABLE = Set.of(BundleLayout.API_VERSION, BundleLayout.API_VERSION_V1);

  private static final int MAX_MANIFEST_CHARS = 64 << 20;

  private BundleManifestCodec() {}

  /** Serialises {@code m} to YAML bytes (v1 manifests keep their v1 shape). */
  public static byte[] write(BundleManifest m) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", m.apiVersion());
    root.put("kind", m.kind());
    root.put("kubernetesVersion", m.kubernetesVersion());
    if (m.legacy()) {
      root.put("osProfiles", List.of(m.os()));
      root.put("arches", List.of(m.arch()));
    } else {
      root.put("os", m.os());
      root.put("arch", m.arch());
    }
    if (m.signer() != null) {
      root.put("signer", m.signer());
    }
    if (m.cluster() != null) {
      ClusterComponents c = m.cluster();
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("kubeadmRegistry", c.kubeadmRegistry());
      e.put("pause", c.pause());
      e.put("etcd", c.etcd());
      e.put("coredns", c.coredns());
      e.put("cni", c.cni());
      if (!c.cniVersion().isEmpty()) {
        e.put("cniVersion", c.cniVersion());
      }
      e.put("loadBalancer", c.loadBalancer());
      root.put("cluster", e);
    }
    if (!m.legacy()) {
      Map<String, Object> packages = new LinkedHashMap<>();
      m.packages().forEach((role, list) -> packages.put(role.key(), list.stream().map(Nevra::toString).toList()));
      root.put("packages", packages);
      List<Object> sources = new ArrayList<>();
      for (SourceEntry src : m.sources()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", src.id());
        e.put("url", src.url());
        e.put("keyFingerprints", src.keyFingerprints());
        sources.add(e);
      }
      root.put("sources", sources);
    }
    List<Object> images = new ArrayList<>();
    for (ImageEntry i : m.images()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("ref", i.ref());
      if (i.role() != null) {
        e.put("role", i.role().key());
        e.put("names", i.names());
      }
      e.put("digest", i.digest().toString());
      e.put("size", i.size());
      List<Object> platforms = new ArrayList<>();
      for (ImageEntry.Platform p : i.platforms()) {
        Map<String, Object> pe = new LinkedHashMap<>();
        pe.put("platform", p.platform());
        pe.put("digest", p.digest().toString());
        platforms.add(pe);
      }
      e.put("platforms", platforms);
      images.add(e);
    }
    root.put("images", images);
    List<Object> rpms = new ArrayList<>();
    for (RpmEntry r : m.rpms()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("nevra", r.nevra().toString());
      e.put("path", r.path());
      e.put("sha256", r.sha256().toString());
      e.put("size", r.size());
      rpms.add(e);
    }
    root.put("rpms", rpms);
    if (!m.legacy()) {
      root.put("templates", entries(m.templates()));
    }
    if (!m.addons().isEmpty()) { // written only when present: a bundle without add-ons keeps its bytes
      root.put("addons", entries(m.addons()));
    }
    if (m.base() != null) {
      Map<String, Object> base = new LinkedHashMap<>();
      base.put("manifest", m.base().manifest().toString());
      base.put("name", m.base().name());
      root.put("base", base);
    }
    List<Object> files = new ArrayList<>();
    for (FileEntry f : m.files()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", f.path());
      e.put("sha256", f.sha256().toString());
      e.put("size", f.size());
      if (f.executable()) {
        e.put("executable", true);
      }
      if (f.fromBase()) {
        e.put("fromBase", true);
      }
      files.add(e);
    }
    root.put("files", files);
    DumpSettings settings = DumpSettings.builder()
        .setSchema(new CoreSchema())
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setWidth(Integer.MAX_VALUE)
        .setSplitLines(false)
        .setDereferenceAliases(true) // equal list instances (List.of()) must not become anchors: readers refuse them
        .build();
    return new Dump(settings).dumpToString(root).getBytes(StandardCharsets.UTF_8);
  }

  /** Parses and validates manifest bytes; {@code source} names them in messages. */
  public static BundleManifest read(byte[] yaml, String source) throws BundleFormatException {
    Object doc;
    try {
      LoadSettings settings = LoadSettings.builder()
          .setSchema(new CoreSchema())
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(0)
          .setCodePointLimit(MAX_MANIFEST_CHARS)
          .build();
      doc = new Load(settings).loadFromString(new String(yaml, StandardCharsets.UTF_8));
    } catch (YamlEngineException e) {
      throw new BundleFormatException("could not read bundle manifest: invalid YAML: "
          + e.getMessage().lines().findFirst().orElse("") + " (input " + source + ")", e);
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new BundleFormatException("could not read bundle manifest: not a YAML mapping (input " + source + ")");
    }
    Object apiVersion = root.get("apiVersion");
    if (!READABLE.contains(apiVersion)) {
      throw new BundleFormatException("could not read bundle manifest: apiVersion '" + apiVersion
          + "' is not supported by this kubeferry (it reads " + String.join(", ", READABLE.stream().sorted().toList())
          + "); use a kubeferry at least as new as the one that built the bundle (input " + source + ")");
    }
    boolean v1 = BundleLayout.API_VERSION_V1.equals(apiVersion);
    try {
      Fields f = new Fields(root, "");
      List<ImageEntry> images = new ArrayList<>();
      for (Fields i : f.list("images")) {
        List<ImageEntry.Platform> platforms = new ArrayList<>();
        for (Fields p : i.list("platforms")) {
          platforms.add(new ImageEntry.Platform(p.string("platform"), Digest.parse(p.string("digest"))));
        }
        String role = v1 ? null : i.string("role");
        images.add(new ImageEntry(i.string("ref"), Digest.parse(i.string("digest")), platforms, i.number("size"),
            role == null ? null : ImageRole.parse(role), v1 ? List.of() : i.strings("names")));
      }
      List<RpmEntry> rpms = new ArrayList<>();
      for (Fields r : f.list("rpms")) {
        rpms.add(new RpmEntry(Nevra.parse(r.string("nevra")), r.string("path"), Digest.parse(r.string("sha256")),
            r.number("size")));
      }
      List<FileEntry> files = new ArrayList<>();
      for (Fields e : f.list("files")) {
        files.add(new FileEntry(e.string("path"), Digest.parse(e.string("sha256")), e.number("size"),
            e.flag("executable"), e.flag("fromBase")));
      }
      if (v1) {
        return new BundleManifest(f.string("apiVersion"), f.string("kind"), f.string("kubernetesVersion"),
            single(f.strings("osProfiles"), "osProfiles"), single(f.strings("arches"), "arches"),
            f.optionalString("signer"), null, Map.of(), List.of(), images, rpms, List.of(), files);
      }
      Fields c = f.mapping("cluster");
      ClusterComponents cluster = new ClusterComponents(c.string("kubeadmRegistry"), c.string("pause"),
          c.string("etcd"), c.string("coredns"), c.string("cni"), c.optionalString("cniVersion"),
          c.string("loadBalancer"));
      Map<PackageRole, List<Nevra>> packages = new EnumMap<>(PackageRole.class);
      Fields pk = f.mapping("packages");
      for (Object key : pk.map().keySet()) {
        packages.put(PackageRole.parse(String.valueOf(key)),
            pk.strings(String.valueOf(key)).stream().map(Nevra::parse).toList());
      }
      List<SourceEntry> sources = new ArrayList<>();
      for (Fields s : f.list("sources")) {
        sources.add(new SourceEntry(s.string("id"), s.string("url"), s.strings("keyFingerprints")));
      }
      BaseBundle base = null;
      if (f.map().containsKey("base")) {
        Fields b = f.mapping("base");
        base = new BaseBundle(Digest.parse(b.string("manifest")), b.string("name"));
      }
      return new BundleManifest(f.string("apiVersion"), f.string("kind"), f.string("kubernetesVersion"),
          f.string("os"), f.string("arch"), f.optionalString("signer"), cluster, packages, sources, images, rpms,
          entries(f, "templates"), entries(f, "addons"), base, files);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new BundleFormatException("could not read bundle manifest: " + e.getMessage() + " (input " + source + ")",
          e);
    }
  }

  private static List<Object> entries(List<TemplateEntry> list) {
    List<Object> out = new ArrayList<>();
    for (TemplateEntry t : list) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", t.path());
      e.put("images", t.images());
      out.add(e);
    }
    return out;
  }

  private static List<TemplateEntry> entries(Fields f, String key) {
    List<TemplateEntry> out = new ArrayList<>();
    for (Fields t : f.list(key)) {
      out.add(new TemplateEntry(t.string("path"), t.strings("images")));
    }
    return out;
  }

  private static String single(List<String> values, String field) {
    if (values.size() != 1) {
      throw new IllegalArgumentException("field " + field + " lists " + values + "; this kubeferry reads format v1"
          + " bundles for exactly one");
    }
    return values.get(0);
  }

  /** Typed access to a YAML mapping with messages naming the field. */
  private record Fields(Map<?, ?> map, String where) {
    Object required(String key) {
      Object v = map.get(key);
      if (v == null) {
        throw new IllegalArgumentException("missing field " + where + key);
      }
      return v;
    }

    String string(String key) {
      Object v = required(key);
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException("field " + where + key + " must be a string");
      }
      return s;
    }

    String optionalString(String key) {
      return map.containsKey(key) ? string(key) : null;
    }

    long number(String key) {
      Object v = required(key);
      if (!(v instanceof Number n)) {
        throw new IllegalArgumentException("field " + where + key + " must be a number");
      }
      return n.longValue();
    }

    boolean flag(String key) {
      Object v = map.get(key);
      return v != null && (Boolean) v;
    }

    Fields mapping(String key) {
      Object v = required(key);
      if (!(v instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("field " + where + key + " must be a mapping");
      }
      return new Fields(m, where + key + ".");
    }

    List<String> strings(String key) {
      List<String> out = new ArrayList<>();
      for (Object o : (List<?>) required(key)) {
        out.add((String) o);
      }
      return out;
    }

    List<Fields> list(String key) {
      Object v = map.get(key);
      List<Fields> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      int i = 0;
      for (Object o : (List<?>) v) {
        if (!(o instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("entries of " + key + " must be mappings");
        }
        out.add(new Fields(m, key + "[" + i++ + "]."));
      }
      return out;
    }
  }
}
