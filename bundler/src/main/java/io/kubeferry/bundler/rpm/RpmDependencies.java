package io.kubeferry.bundler.rpm;

import java.util.List;

/**
 * All dependency lists of one RPM header, in header order. Immutable.
 *
 * @param oldSuggests the pre-4.12 weak dependencies SUSE, Mageia and Mandriva packages carry (tags 1156-1158):
 *     a suggestion, or a recommendation when flagged strong
 * @param oldEnhances likewise (tags 1159-1161): an enhancement, or a supplement when flagged strong
 */
public record RpmDependencies(
    List<RpmDependency> provides,
    List<RpmDependency> requires,
    List<RpmDependency> conflicts,
    List<RpmDependency> obsoletes,
    List<RpmDependency> recommends,
    List<RpmDependency> suggests,
    List<RpmDependency> supplements,
    List<RpmDependency> enhances,
    List<RpmDependency> oldSuggests,
    List<RpmDependency> oldEnhances) {

  public RpmDependencies {
    provides = List.copyOf(provides);
    requires = List.copyOf(requires);
    conflicts = List.copyOf(conflicts);
    obsoletes = List.copyOf(obsoletes);
    recommends = List.copyOf(recommends);
    suggests = List.copyOf(suggests);
    supplements = List.copyOf(supplements);
    enhances = List.copyOf(enhances);
    oldSuggests = List.copyOf(oldSuggests);
    oldEnhances = List.copyOf(oldEnhances);
  }
}
