package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.PackageIndex;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.Repository;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All candidate packages of the repositories for one target architecture, numbered 0..n-1 (repository order, then
 * primary order), answering name and provides look-ups from each repository's {@link PackageIndex} (names, implicit
 * {@code name = evr} self-provides and primary's file subset) and other file paths from filelists, lazily. Only the
 * packages a resolve looks at are decoded. Not thread-safe.
 */
final class PackagePool {
  private final List<Repository> repos;
  private final PackageIndex[] index;
  /** Per repository: pool id of each of its packages, -1 for another arch. */
  private final int[][] toPool;
  private final int[] repoOf;
  private final int[] localOf;
  private final Map<String, List<Integer>> byName = new HashMap<>();
  private final Map<Dep, int[]> cache = new HashMap<>();
  private Map<String, Integer> byChecksum;
  private Map<String, List<Integer>> filelistOwners;
  private final Set<String> filelistQueried = new HashSet<>();
  /** The first filelists that could not be read; thrown only for a path nobody else provides. */
  private RepoException filelistFailure;

  PackagePool(List<Repository> repos, Set<String> arches) {
    this.repos = repos;
    index = new PackageIndex[repos.size()];
    toPool = new int[repos.size()][];
    int total = 0;
    for (Repository r : repos) {
      total += r.index().size();
    }
    int[] repo = new int[total];
    int[] local = new int[total];
    int n = 0;
    for (int r = 0; r < repos.size(); r++) {
      index[r] = repos.get(r).index();
      toPool[r] = new int[index[r].size()];
      Map<String, Boolean> archOk = new HashMap<>();
      for (int i = 0; i < toPool[r].length; i++) {
        if (archOk.computeIfAbsent(index[r].arch(i), arches::contains)) {
          repo[n] = r;
          local[n] = i;
          toPool[r][i] = n++;
        } else {
          toPool[r][i] = -1;
        }
      }
    }
    repoOf = Arrays.copyOf(repo, n);
    localOf = Arrays.copyOf(local, n);
  }

  int size() {
    return repoOf.length;
  }

  RpmPackage get(int id) {
    return index[repoOf[id]].get(localOf[id]);
  }

  int priority(int id) {
    return repos.get(repoOf[id]).priority();
  }

  /** Packages with exactly this name, in pool order. */
  List<Integer> named(String name) {
    List<Integer> hit = byName.get(name);
    if (hit == null) {
      hit = new ArrayList<>(2);
      for (int r = 0; r < index.length; r++) {
        for (int i : index[r].named(name)) {
          if (toPool[r][i] >= 0) {
            hit.add(toPool[r][i]);
          }
        }
      }
      byName.put(name, hit);
    }
    return hit;
  }

  /** Packages (of the pool's arches) with an obsoletes entry naming {@code name}, in pool order. */
  List<Integer> obsoleters(String name) {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < index.length; r++) {
      for (int i : index[r].obsoleters(name)) {
        if (toPool[r][i] >= 0) {
          out.add(toPool[r][i]);
        }
      }
    }
    return out;
  }

  /** Packages providing a plain (non-rich) dependency, in pool order; cached. */
  int[] whatProvides(Dep dep) throws RepoException {
    int[] hit = cache.get(dep);
    if (hit != null) {
      return hit;
    }
    Set<Integer> out = new java.util.LinkedHashSet<>();
    for (int r = 0; r < index.length; r++) {
      int[] a = index[r].providers(dep.name());
      for (int i = 0; i < a.length; i += 2) {
        int pkg = toPool[r][a[i]];
        if (pkg >= 0 && matches(pkg, a[i + 1], dep)) {
          out.add(pkg);
        }
      }
    }
    if (out.isEmpty() && dep.name().startsWith("/")) {
      out.addAll(fromFilelists(dep.name()));
    }
    int[] result = out.stream().mapToInt(Integer::intValue).sorted().toArray();
    cache.put(dep, result);
    return result;
  }

  private boolean matches(int pkg, int idx, Dep dep) {
    return switch (idx) {
      case PackageIndex.FILE -> true;
      case PackageIndex.SELF -> new Dep(dep.name(), Dep.EQ, get(pkg).evr()).intersects(dep);
      default -> dep.flags() == 0 || get(pkg).provides().get(idx).intersects(dep);
    };
  }

  /** Whether package {@code id} itself matches {@code dep} by name and EVR (obsoletes use this, not provides). */
  boolean matchesNevr(int id, Dep dep) {
    RpmPackage p = get(id);
    return p.name().equals(dep.name()) && new Dep(p.name(), Dep.EQ, p.evr()).intersects(dep);
  }

  /**
   * File paths primary does not list: read every repository's filelists once, for all such paths any package
   * requires. A filelists that cannot be read (missing, truncated, wrong checksum) is an error only when a needed
   * path is found neither in primary nor in another repository's filelists: dnf resolves such a request too (the
   * CentOS Stream 9 set's AppStream filelists is a stub whose checksum does not match).
   */
  private List<Integer> fromFilelists(String path) throws RepoException {
    if (filelistOwners == null || !filelistQueried.contains(path)) {
      Set<String> wanted = new HashSet<>(filelistQueried);
      for (PackageIndex ix : index) {
        for (String f : ix.fileRequires()) {
          if (!providedAnywhere(f)) {
            wanted.add(f);
          }
        }
      }
      wanted.add(path);
      filelistQueried.addAll(wanted);
      Map<String, List<Integer>> owners = new HashMap<>();
      for (int r = 0; r < index.length; r++) {
        Map<String, List<String>> found;
        try {
          found = repos.get(r).filelists().ownersByChecksum(wanted);
        } catch (RepoException e) {
          filelistFailure = filelistFailure == null ? e : filelistFailure;
          continue;
        }
        for (Map.Entry<String, List<String>> e : found.entrySet()) {
          for (String checksum : e.getValue()) {
            Integer id = byChecksum().get(checksum);
            if (id != null) {
              owners.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(id);
            }
          }
        }
      }
      filelistOwners = owners;
    }
    List<Integer> owners = filelistOwners.getOrDefault(path, List.of());
    if (owners.isEmpty() && filelistFailure != null) {
      throw filelistFailure;
    }
    return owners;
  }

  private boolean providedAnywhere(String name) {
    for (PackageIndex ix : index) {
      if (ix.provides(name)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Integer> byChecksum() {
    if (byChecksum == null) {
      byChecksum = new HashMap<>();
      for (int id = 0; id < size(); id++) {
        byChecksum.put(index[repoOf[id]].checksum(localOf[id]), id);
      }
    }
    return byChecksum;
  }
}
