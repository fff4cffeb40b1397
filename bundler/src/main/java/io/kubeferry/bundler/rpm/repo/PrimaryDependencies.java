package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmDependencies;
import io.kubeferry.bundler.rpm.RpmDependency;
import io.kubeferry.bundler.rpm.RpmFileEntry;
import io.kubeferry.bundler.rpm.RpmHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The dependency lists of one package as createrepo_c 0.17 writes them into primary.xml, so our repodata diffs
 * clean against the one users' own tools make. The rules (docs/adr/rpm-repodata-writer.md) are createrepo_c's
 * {@code cr_package_from_header}, restated:
 * <ul>
 *   <li>every list: an entry whose epoch is no number is dropped;
 *   <li>requires: no {@code rpmlib(...)}; no own file that primary.xml lists; none the package provides with the
 *       same name, flags and version text; none equal (flags, version text, pre) to the last kept one of its name;
 *       of the {@code libc.so.6...} ones only the highest, last; a missing-ok one is a recommendation;
 *   <li>the legacy weak tags: strong ones are recommendations and supplements, the others suggestions and
 *       enhancements, after the modern ones.
 * </ul>
 */
record PrimaryDependencies(
    List<RpmDependency> provides,
    List<RpmDependency> requires,
    List<RpmDependency> conflicts,
    List<RpmDependency> obsoletes,
    List<RpmDependency> suggests,
    List<RpmDependency> enhances,
    List<RpmDependency> recommends,
    List<RpmDependency> supplements) {

  /** rpmsense bits of the legacy weak dependencies. */
  static final int MISSINGOK = 1 << 19;
  static final int STRONG = 1 << 27;

  static PrimaryDependencies of(RpmHeader h) {
    RpmDependencies d = h.dependencies();
    List<RpmDependency> provides = wellFormed(d.provides());
    List<RpmDependency> missingOk = new ArrayList<>();
    List<RpmDependency> requires = requires(d.requires(), provides, h.files(), missingOk);
    List<RpmDependency> oldSuggests = wellFormed(d.oldSuggests());
    List<RpmDependency> oldEnhances = wellFormed(d.oldEnhances());
    return new PrimaryDependencies(provides, requires, wellFormed(d.conflicts()), wellFormed(d.obsoletes()),
        concat(List.of(), d.suggests(), weak(oldSuggests, false)),
        concat(List.of(), d.enhances(), weak(oldEnhances, false)),
        concat(missingOk, d.recommends(), weak(oldSuggests, true)),
        concat(List.of(), d.supplements(), weak(oldEnhances, true)));
  }

  /** The legacy weak entries flagged strong (or not). */
  private static List<RpmDependency> weak(List<RpmDependency> legacy, boolean strong) {
    return legacy.isEmpty() ? legacy : legacy.stream().filter(o -> ((o.flags() & STRONG) != 0) == strong).toList();
  }

  /** {@code before}, the well-formed {@code modern} entries, then {@code after}; no copy in the common case. */
  private static List<RpmDependency> concat(List<RpmDependency> before, List<RpmDependency> modern,
      List<RpmDependency> after) {
    List<RpmDependency> mid = wellFormed(modern);
    if (before.isEmpty() && after.isEmpty()) {
      return mid;
    }
    List<RpmDependency> out = new ArrayList<>(before);
    out.addAll(mid);
    out.addAll(after);
    return out;
  }

  /** {@code deps} without malformed epochs; the same (immutable) list when there are none, as almost always. */
  private static List<RpmDependency> wellFormed(List<RpmDependency> deps) {
    if (deps.stream().noneMatch(RpmDependency::malformedEpoch)) {
      return deps;
    }
    return deps.stream().filter(d -> !d.malformedEpoch()).toList();
  }

  /** The requires in header order, filtered; missing-ok ones go to {@code missingOk}. */
  private static List<RpmDependency> requires(List<RpmDependency> all, List<RpmDependency> provides,
      List<RpmFileEntry> files, List<RpmDependency> missingOk) {
    // "name + flags + version" glued without separators, as createrepo_c keys them
    Set<String> provided = new HashSet<>();
    for (RpmDependency p : provides) {
      provided.add(glued(p));
    }
    Set<String> ownPrimaryFiles = null;
    Map<String, RpmDependency> lastKept = new HashMap<>();
    List<RpmDependency> out = new ArrayList<>(all.size());
    RpmDependency libc = null;
    for (RpmDependency d : all) {
      String name = d.name();
      if (name.startsWith("rpmlib(")) {
        continue;
      }
      if (name.startsWith("/") && RpmFileEntry.isPrimaryPath(name)) {
        if (ownPrimaryFiles == null) {
          ownPrimaryFiles = primaryPaths(files);
        }
        if (ownPrimaryFiles.contains(name)) {
          continue;
        }
      }
      if (!provided.isEmpty() && provided.contains(glued(d))) {
        continue;
      }
      RpmDependency last = lastKept.get(name);
      if (last != null && last.pre() == d.pre() && Objects.equals(last.relation(), d.relation())
          && last.evr().equals(d.evr())) {
        continue;
      }
      if (d.malformedEpoch()) {
        continue;
      }
      if ((d.flags() & MISSINGOK) != 0) {
        missingOk.add(d);
      } else if (name.startsWith(LibcRequire.PREFIX)) {
        libc = libc == null || LibcRequire.higher(libc.name(), name) ? d : libc;
      } else {
        out.add(d);
        lastKept.put(name, d);
      }
    }
    if (libc != null) {
      out.add(libc);
    }
    return out;
  }

  private static String glued(RpmDependency d) {
    String rel = d.relation();
    return rel == null ? d.name() + d.evr() : d.name() + rel + d.evr();
  }

  private static Set<String> primaryPaths(List<RpmFileEntry> files) {
    Set<String> out = new HashSet<>();
    for (RpmFileEntry f : files) {
      if (f.primary()) {
        out.add(f.path());
      }
    }
    return out;
  }
}
