package io.kubeferry.bundler.rpm.lock;

import io.kubeferry.core.io.AtomicFiles;
import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * {@code rpms.lock}: per OS profile, architecture and Kubernetes version, every package of the bundle with its
 * sha256 and origin repository. Written in a stable order (sorted keys) so it diffs cleanly; {@link #verify}
 * reports every drift at once. Not thread-safe.
 */
public final class RpmsLock {
  /** One locked package. */
  public record Entry(Digest sha256, String repo) {}

  private final TreeMap<String, TreeMap<String, TreeMap<String, TreeMap<String, Entry>>>> data = new TreeMap<>();

  /** The lock entries (NEVRA to sha256 and repo) of the packages a resolution bundles. */
  public static Map<String, Entry> entriesOf(io.kubeferry.bundler.rpm.solve.Resolution resolution) {
    Map<String, Entry> out = new TreeMap<>();
    for (var p : resolution.toBundle()) {
      out.put(p.pkg().nevra().toString(), new Entry(Digest.parse(p.pkg().checksum()), p.pkg().repoId()));
    }
    return out;
  }

  /** Reads a lock file; a missing file gives an empty lock. Throws IOException naming the file if malformed. */
  @SuppressWarnings("unchecked")
  public static RpmsLock read(Path file) throws IOException {
    RpmsLock lock = new RpmsLock();
    if (!Files.exists(file)) {
      return lock;
    }
    try {
      Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().setSchema(new CoreSchema())
          .build()).loadFromString(Files.readString(file));
      if (doc == null || !"RpmsLock".equals(doc.get("kind"))) {
        throw new IllegalArgumentException("not an rpms.lock (kind: RpmsLock missing)");
      }
      Map<String, Object> profiles = (Map<String, Object>) doc.getOrDefault("profiles", Map.of());
      for (var p : profiles.entrySet()) {
        for (var a : ((Map<String, Object>) p.getValue()).entrySet()) {
          for (var v : ((Map<String, Object>) a.getValue()).entrySet()) {
            for (var e : ((Map<String, Object>) v.getValue()).entrySet()) {
              Map<String, Object> m = (Map<String, Object>) e.getValue();
              Nevra.parse(e.getKey());
              lock.put(p.getKey(), a.getKey(), String.valueOf(v.getKey()), e.getKey(),
                  new Entry(Digest.parse(String.valueOf(m.get("sha256"))), String.valueOf(m.get("repo"))));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("could not read rpms lock: " + e.getMessage() + " (file " + file + ")", e);
    }
    return lock;
  }

  /** The packages (NEVRA to entry) locked for a profile, arch and Kubernetes version; empty if none. */
  public Map<String, Entry> entries(String profile, String arch, String k8s) {
    return data.getOrDefault(profile, new TreeMap<>()).getOrDefault(arch, new TreeMap<>())
        .getOrDefault(k8s, new TreeMap<>());
  }

  /** Replaces the packages of one profile/arch/version. */
  public void set(String profile, String arch, String k8s, Map<String, Entry> packages) {
    TreeMap<String, TreeMap<String, Entry>> byVersion = data.computeIfAbsent(profile, k -> new TreeMap<>())
        .computeIfAbsent(arch, k -> new TreeMap<>());
    byVersion.put(k8s, new TreeMap<>(packages));
  }

  private void put(String profile, String arch, String k8s, String nevra, Entry e) {
    data.computeIfAbsent(profile, k -> new TreeMap<>()).computeIfAbsent(arch, k -> new TreeMap<>())
        .computeIfAbsent(k8s, k -> new TreeMap<>()).put(nevra, e);
  }

  /**
   * Compares a fresh resolution with the lock: one line per drifted package (version changed, added, removed,
   * checksum or repo changed). Empty means no drift. A missing section is one line.
   */
  public List<String> verify(String profile, String arch, String k8s, Map<String, Entry> resolved) {
    List<String> drift = new ArrayList<>();
    Map<String, Entry> locked = entries(profile, arch, k8s);
    if (locked.isEmpty()) {
      drift.add("rpms.lock has no packages for profile " + profile + ", arch " + arch + ", Kubernetes " + k8s
          + " (run without --locked to write them)");
      return drift;
    }
    Map<String, String> lockedByName = byName(locked);
    Map<String, String> resolvedByName = byName(resolved);
    for (var e : new TreeMap<>(resolved).entrySet()) {
      Entry old = locked.get(e.getKey());
      String name = Nevra.parse(e.getKey()).name();
      if (old == null) {
        String was = lockedByName.get(name);
        drift.add(name + ": resolved " + e.getKey() + (was == null ? " but it is not in the lock"
            : " but the lock has " + was));
      } else if (!old.sha256().equals(e.getValue().sha256())) {
        drift.add(e.getKey() + ": sha256 is " + e.getValue().sha256() + " but the lock has " + old.sha256());
      } else if (!old.repo().equals(e.getValue().repo())) {
        drift.add(e.getKey() + ": comes from repo " + e.getValue().repo() + " but the lock has " + old.repo());
      }
    }
    for (String nevra : locked.keySet()) {
      String name = Nevra.parse(nevra).name();
      if (!resolved.containsKey(nevra) && !resolvedByName.containsKey(name)) {
        drift.add(name + ": locked " + nevra + " is no longer needed");
      }
    }
    return drift;
  }

  private static Map<String, String> byName(Map<String, Entry> m) {
    Map<String, String> out = new TreeMap<>();
    m.keySet().forEach(n -> out.put(Nevra.parse(n).name(), n));
    return out;
  }

  /** The file content: stable order, one package per line. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# rpms.lock: the RPMs of each bundle, per OS profile, arch and Kubernetes version.\n")
        .append("# Written by kubeferry (bundle lock / rpm resolve --write-lock); verified with --locked.\n")
        .append("apiVersion: kubeferry.io/v1\nkind: RpmsLock\nprofiles:\n");
    data.forEach((profile, arches) -> {
      sb.append("  ").append(quote(profile)).append(":\n");
      arches.forEach((arch, versions) -> {
        sb.append("    ").append(quote(arch)).append(":\n");
        versions.forEach((k8s, pkgs) -> {
          sb.append("      ").append(quote(k8s)).append(":\n");
          pkgs.forEach((nevra, e) -> sb.append("        ").append(quote(nevra)).append(": {sha256: \"")
              .append(e.sha256()).append("\", repo: ").append(quote(e.repo())).append("}\n"));
        });
      });
    });
    return sb.toString();
  }

  /** Writes atomically (temp file in the same directory, then rename). */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, render().getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
