package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses among several packages that could satisfy one requirement, following libsolv's
 * {@code policy_filter_unwanted}, so the closure equals what dnf installs: best repository priority, best arch,
 * newest version per name (names sorted), drop candidates obsoleted by another, prefer packages recommended or
 * supplemented by what is already chosen; then move older versions back, order by the versions of capabilities
 * they share ({@link CommonDepOrder}) and move suggested ones forward. The first element is the choice.
 */
final class Policy {
  private final PackagePool pool;
  private final List<String> arches;
  private final SolverState state;

  Policy(PackagePool pool, List<String> arches, SolverState state) {
    this.pool = pool;
    this.arches = arches;
    this.state = state;
  }

  /** Prunes without reordering (libsolv POLICY_MODE_CHOOSE_NOREORDER). */
  List<Integer> prune(List<Integer> candidates) throws RepoException {
    List<Integer> l = new ArrayList<>(candidates);
    if (l.size() > 1) {
      l = bestPriority(l);
    }
    if (l.size() > 1) {
      l = bestArch(l);
    }
    if (l.size() > 1) {
      l = bestVersionPerName(l);
    }
    if (l.size() > 1) {
      l = recommended(l);
    }
    return l;
  }

  /** Prunes and orders (POLICY_MODE_CHOOSE); the first element is the one to install. */
  List<Integer> choose(List<Integer> candidates) throws RepoException {
    List<Integer> l = prune(candidates);
    if (l.size() > 1) {
      l = dislikeOldVersions(l);
      l = CommonDepOrder.sort(pool, l);
      l = preferSuggested(l);
    }
    return l;
  }

  private List<Integer> bestPriority(List<Integer> l) {
    int best = l.stream().mapToInt(pool::priority).min().orElseThrow();
    return l.stream().filter(p -> pool.priority(p) == best).toList();
  }

  int archScore(int p) {
    String arch = pool.get(p).arch();
    return arch.equals("noarch") ? Integer.MAX_VALUE : arches.indexOf(arch);
  }

  private List<Integer> bestArch(List<Integer> l) {
    int best = l.stream().mapToInt(this::archScore).min().orElseThrow();
    if (best == Integer.MAX_VALUE) {
      return l;
    }
    // noarch is kept next to the best real arch, as libsolv does.
    return l.stream().filter(p -> archScore(p) == best || archScore(p) == Integer.MAX_VALUE).toList();
  }

  private List<Integer> bestVersionPerName(List<Integer> l) {
    List<Integer> sorted = new ArrayList<>(l);
    sorted.sort(Comparator.comparing((Integer p) -> pool.get(p).name()).thenComparingInt(this::archScore)
        .thenComparingInt(p -> p));
    List<Integer> out = new ArrayList<>();
    for (int p : sorted) {
      int last = out.isEmpty() ? -1 : out.get(out.size() - 1);
      if (last >= 0 && pool.get(last).name().equals(pool.get(p).name())) {
        if (pool.get(p).evr().compareTo(pool.get(last).evr()) > 0) {
          out.set(out.size() - 1, p);
        }
      } else {
        out.add(p);
      }
    }
    return out.size() > 1 ? pruneObsoleted(out) : out;
  }

  /**
   * Drops candidates another candidate (of another name) obsoletes, unless they obsolete each other. Looks up the
   * obsoleted names instead of testing every pair: an often-provided requirement has hundreds of candidates.
   */
  private List<Integer> pruneObsoleted(List<Integer> l) {
    Map<String, List<Integer>> byName = new HashMap<>();
    for (int p : l) {
      byName.computeIfAbsent(pool.get(p).name(), k -> new ArrayList<>(1)).add(p);
    }
    Set<Long> edges = new HashSet<>();
    for (int q : l) {
      RpmPackage pq = pool.get(q);
      for (Dep d : pq.obsoletes()) {
        for (int p : byName.getOrDefault(d.name(), List.of())) {
          if (p != q && !pq.name().equals(d.name()) && pool.matchesNevr(p, d)) {
            edges.add(((long) q << 32) | p);
          }
        }
      }
    }
    if (edges.isEmpty()) {
      return l;
    }
    List<Integer> out = new ArrayList<>();
    for (int p : l) {
      boolean obsoleted = false;
      for (int q : l) {
        if (q != p && edges.contains(((long) q << 32) | p) && !edges.contains(((long) p << 32) | q)) {
          obsoleted = true;
          break;
        }
      }
      if (!obsoleted) {
        out.add(p);
      }
    }
    return out.isEmpty() ? l : out;
  }

  private List<Integer> recommended(List<Integer> l) throws RepoException {
    List<Integer> out = new ArrayList<>();
    for (int p : l) {
      if (state.isRecommended(p) || state.isSupplementing(p)) {
        out.add(p);
      }
    }
    return out.isEmpty() ? l : out;
  }

  /** Moves packages that chosen ones suggest (or that enhance chosen ones) to the front, keeping order. */
  private List<Integer> preferSuggested(List<Integer> l) throws RepoException {
    List<Integer> good = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int p : l) {
      (state.isSuggested(p) || state.isEnhancing(p) ? good : rest).add(p);
    }
    good.addAll(rest);
    return good;
  }

  /** Moves packages for which a newer same-name, same-arch version exists to the back. */
  private List<Integer> dislikeOldVersions(List<Integer> l) {
    List<Integer> good = new ArrayList<>();
    List<Integer> old = new ArrayList<>();
    for (int p : l) {
      RpmPackage s = pool.get(p);
      boolean bad = false;
      for (int q : pool.named(s.name())) {
        RpmPackage o = pool.get(q);
        if (q == p || !o.arch().equals(s.arch())) {
          continue;
        }
        if (pool.priority(q) != pool.priority(p)) {
          if (pool.priority(q) < pool.priority(p)) {
            bad = true;
            break;
          }
          continue;
        }
        if (o.evr().compareTo(s.evr()) > 0) {
          bad = true;
          break;
        }
      }
      (bad ? old : good).add(p);
    }
    good.addAll(old);
    return good;
  }
}
