package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.Repository;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All candidate packages of the repositories for one target architecture, numbered 0..n-1, with a provides index
 * (names, implicit {@code name = evr} self-provides and primary's file subset) and lazy filelists lookup for other
 * file paths. Not thread-safe.
 */
final class PackagePool {
  private final List<RpmPackage> pkgs = new ArrayList<>();
  private final List<Integer> priority = new ArrayList<>();
  private final List<Repository> repos;
  /**
   * Name to providers, packed for speed and memory (~300k entries per large repo set): {@code [count, pkg0, idx0,
   * pkg1, idx1, ...]} where idx is the index in the package's provides, {@link #SELF} for the implicit
   * {@code name = evr} provide, {@link #FILE} for a file path.
   */
  private final Map<String, int[]> provides = new HashMap<>(1 << 19);
  private static final int SELF = -1;
  private static final int FILE = -2;
  private final Map<String, List<Integer>> byName = new HashMap<>();
  private final Map<Dep, int[]> cache = new HashMap<>();
  private final Map<String, Integer> byChecksum = new HashMap<>();
  private Map<String, List<Integer>> filelistOwners;
  private final Set<String> filelistQueried = new HashSet<>();

  PackagePool(List<Repository> repos, Set<String> arches) {
    this.repos = repos;
    for (Repository repo : repos) {
      for (RpmPackage p : repo.packages()) {
        if (!arches.contains(p.arch())) {
          continue;
        }
        int id = pkgs.size();
        pkgs.add(p);
        priority.add(repo.priority());
        byChecksum.put(p.checksum(), id);
        byName.computeIfAbsent(p.name(), k -> new ArrayList<>(2)).add(id);
        boolean self = false;
        List<Dep> ps = p.provides();
        for (int i = 0; i < ps.size(); i++) {
          Dep d = ps.get(i);
          add(d.name(), id, i);
          self |= d.flags() == Dep.EQ && d.name().equals(p.name());
        }
        if (!self) {
          add(p.name(), id, SELF);
        }
        for (String f : p.files()) {
          add(f, id, FILE);
        }
      }
    }
  }

  private void add(String name, int pkg, int idx) {
    int[] a = provides.get(name);
    if (a == null) {
      a = new int[3];
      provides.put(name, a);
    } else if (a[0] * 2 + 3 > a.length) {
      a = java.util.Arrays.copyOf(a, a.length * 2 + 1);
      provides.put(name, a);
    }
    int n = a[0];
    a[1 + 2 * n] = pkg;
    a[2 + 2 * n] = idx;
    a[0] = n + 1;
  }

  int size() {
    return pkgs.size();
  }

  RpmPackage get(int id) {
    return pkgs.get(id);
  }

  int priority(int id) {
    return priority.get(id);
  }

  /** Packages with exactly this name. */
  List<Integer> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** Packages providing a plain (non-rich) dependency, in pool order; cached. */
  int[] whatProvides(Dep dep) throws RepoException {
    int[] hit = cache.get(dep);
    if (hit != null) {
      return hit;
    }
    Set<Integer> out = new java.util.LinkedHashSet<>();
    int[] a = provides.get(dep.name());
    for (int i = 0; a != null && i < a[0]; i++) {
      int pkg = a[1 + 2 * i];
      int idx = a[2 + 2 * i];
      boolean match = switch (idx) {
        case FILE -> true;
        case SELF -> new Dep(dep.name(), Dep.EQ, pkgs.get(pkg).evr()).intersects(dep);
        default -> pkgs.get(pkg).provides().get(idx).intersects(dep);
      };
      if (match) {
        out.add(pkg);
      }
    }
    if (out.isEmpty() && dep.name().startsWith("/")) {
      out.addAll(fromFilelists(dep.name()));
    }
    int[] result = out.stream().mapToInt(Integer::intValue).sorted().toArray();
    cache.put(dep, result);
    return result;
  }

  /** Whether package {@code id} itself matches {@code dep} by name and EVR (obsoletes use this, not provides). */
  boolean matchesNevr(int id, Dep dep) {
    RpmPackage p = pkgs.get(id);
    return p.name().equals(dep.name()) && new Dep(p.name(), Dep.EQ, p.evr()).intersects(dep);
  }

  /**
   * File paths primary does not list: read every repository's filelists once, for all such paths any package
   * requires, so a broken filelists is only an error when a needed path is really missing from primary.
   */
  private List<Integer> fromFilelists(String path) throws RepoException {
    if (filelistOwners == null || !filelistQueried.contains(path)) {
      Set<String> wanted = new HashSet<>(filelistQueried);
      for (RpmPackage p : pkgs) {
        for (Dep d : p.requires()) {
          if (d.name().startsWith("/") && !provides.containsKey(d.name())) {
            wanted.add(d.name());
          }
        }
      }
      wanted.add(path);
      filelistQueried.addAll(wanted);
      Map<String, List<Integer>> owners = new HashMap<>();
      for (Repository repo : repos) {
        for (Map.Entry<String, List<String>> e : repo.filelists().ownersByChecksum(wanted).entrySet()) {
          for (String checksum : e.getValue()) {
            Integer id = byChecksum.get(checksum);
            if (id != null) {
              owners.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(id);
            }
          }
        }
      }
      filelistOwners = owners;
    }
    return filelistOwners.getOrDefault(path, List.of());
  }
}
