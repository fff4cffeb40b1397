package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.core.Nevra;
import io.kubeferry.core.rpm.Evr;
import java.util.List;

/**
 * One package as primary.xml describes it: identity, where to download it and what it declares. The dependency
 * lists keep primary.xml's order, with pre-requirements after the ordinary ones (as libsolv stores them).
 * Immutable; the lists are unmodifiable.
 *
 * @param repoId the id of the repository the package came from
 * @param location the path of the RPM file relative to the repository root
 * @param checksum the package checksum as {@code type:hex} (sha256 in every current repo)
 * @param files the file names primary.xml lists (the {@code /etc}, {@code *bin/} subset) or, once loaded, all
 */
public record RpmPackage(
    String name, Evr evr, String arch, String repoId, String location, String checksum, long size,
    List<Dep> provides, List<Dep> requires, List<Dep> conflicts, List<Dep> obsoletes,
    List<Dep> recommends, List<Dep> supplements, List<Dep> suggests, List<Dep> enhances, List<String> files) {

  /** The NEVRA of this package. */
  public Nevra nevra() {
    return new Nevra(name, evr.epoch(), evr.version(), evr.release(), arch);
  }

  @Override
  public String toString() {
    return nevra().toString();
  }
}
