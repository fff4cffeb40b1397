package io.kubeferry.bundler.rpm.solve;

import java.util.List;

/**
 * The result of a resolve: every package of the closure, sorted by name then NEVRA.
 *
 * @param packages all packages the request needs, including those the target already has ({@code onTarget})
 */
public record Resolution(List<ResolvedPackage> packages) {
  public Resolution {
    packages = List.copyOf(packages);
  }

  /** The packages to bundle: those the target does not have (all of them with {@code --full-closure}). */
  public List<ResolvedPackage> toBundle() {
    return packages.stream().filter(p -> !p.onTarget()).toList();
  }
}
