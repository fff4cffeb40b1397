package io.kubeferry.bundler.rpm;

import java.util.List;

/** All dependency lists of one RPM header, in header order. Immutable. */
public record RpmDependencies(
    List<RpmDependency> provides,
    List<RpmDependency> requires,
    List<RpmDependency> conflicts,
    List<RpmDependency> obsoletes,
    List<RpmDependency> recommends,
    List<RpmDependency> suggests,
    List<RpmDependency> supplements,
    List<RpmDependency> enhances) {

  public RpmDependencies {
    provides = List.copyOf(provides);
    requires = List.copyOf(requires);
    conflicts = List.copyOf(conflicts);
    obsoletes = List.copyOf(obsoletes);
    recommends = List.copyOf(recommends);
    suggests = List.copyOf(suggests);
    supplements = List.copyOf(supplements);
    enhances = List.copyOf(enhances);
  }
}
