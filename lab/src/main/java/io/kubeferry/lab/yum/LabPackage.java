package io.kubeferry.lab.yum;

import io.kubeferry.core.Nevra;
import java.util.List;
import java.util.Objects;

/**
 * One fixture RPM to build: identity, target repository, dependencies (rpm dependency strings such as
 * {@code kubelet >= 1.19.0}) and payload file paths. Immutable.
 */
public record LabPackage(
    String repo,
    Nevra nevra,
    List<String> requires,
    List<String> provides,
    List<String> obsoletes,
    List<String> conflicts,
    List<String> recommends,
    List<String> suggests,
    List<String> supplements,
    List<String> enhances,
    List<String> files) {

  public LabPackage {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(nevra, "nevra");
    requires = List.copyOf(requires);
    provides = List.copyOf(provides);
    obsoletes = List.copyOf(obsoletes);
    conflicts = List.copyOf(conflicts);
    recommends = List.copyOf(recommends);
    suggests = List.copyOf(suggests);
    supplements = List.copyOf(supplements);
    enhances = List.copyOf(enhances);
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("package " + nevra + " has no payload files");
    }
    for (String f : files) {
      if (!f.startsWith("/") || f.contains("..") || f.contains("//") || f.matches(".*\\s.*")) {
        throw new IllegalArgumentException("invalid payload path '" + f + "' in package " + nevra);
      }
    }
  }

  /** A package with only requires; payload {@code /usr/bin/<name>}. Handy for synthetic sets (benchmarks). */
  public static LabPackage simple(String repo, Nevra nevra, List<String> requires) {
    List<String> none = List.of();
    return new LabPackage(repo, nevra, requires, none, none, none, none, none, none, none,
        List.of("/usr/bin/" + nevra.name()));
  }

  /** The file name rpmbuild gives the package: {@code name-version-release.arch.rpm} (no epoch). */
  public String fileName() {
    return nevra.name() + "-" + nevra.version() + "-" + nevra.release() + "." + nevra.arch() + ".rpm";
  }
}
