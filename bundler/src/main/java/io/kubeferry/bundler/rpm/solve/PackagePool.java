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
  /** One provide of one package. */
  record Provide(int pkg, Dep dep) {}

  private final List<RpmPackage> pkgs = new ArrayList<>();
  private final List<Integer> priority = new ArrayList<>();
  private final List<Repository> repos;
  private final Map<String, List<Provide>> provides = new HashMap<>();
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
        for (Dep d : p.provides()) {
          provides.computeIfAbsent(d.name(), k -> new ArrayList<>(2)).add(new Provide(id, d));
          self |= d.name().equals(p.name()) && d.flags() == Dep.EQ;
        }
        if (!self) {
          provides.computeIfAbsent(p.name(), k -> new ArrayList<>(2)).add(new Provide(id, new Dep(p.name(),
              Dep.EQ, p.evr())));
        }
        for (String f : p.files()) {
          provides.computeIfAbsent(f, k -> new ArrayList<>(2)).add(new Provide(id, new Dep(f, 0, null)));
        }
      }
    }
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
    for (Provide p : provides.getOrDefault(dep.name(), List.of())) {
      if (p.dep().intersects(dep)) {
        out.add(p.pkg());
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
