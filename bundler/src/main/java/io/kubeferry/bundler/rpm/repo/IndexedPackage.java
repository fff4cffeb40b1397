package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmPackageFile;
import java.util.Objects;

/** A package as the repodata lists it: the read RPM and its location relative to the repo root. */
public record IndexedPackage(RpmPackageFile rpm, String href) {
  public IndexedPackage {
    Objects.requireNonNull(rpm, "rpm");
    Objects.requireNonNull(href, "href");
  }
}
