package io.kubeferry.bundler.build;

import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.repo.PackageRef;
import io.kubeferry.bundler.rpm.repo.RepodataResult;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import io.kubeferry.bundler.rpm.solve.Resolution;
import io.kubeferry.bundler.rpm.solve.ResolvedPackage;
import io.kubeferry.core.Digest;
import io.kubeferry.core.Nevra;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.PackageRole;
import io.kubeferry.core.bundle.RpmEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest's package records from what the solver chose and the repodata writer indexed: the explicitly
 * installed NEVRAs per role (the solver records which spec selected which package) and every package file with
 * the sha256 the index pass computed, checked against the checksum the upstream metadata promised.
 */
final class BundledRpms {
  private BundledRpms() {}

  /** Each role's specs mapped to the packages the solver selected for them. */
  static Map<PackageRole, List<Nevra>> roles(Map<PackageRole, List<String>> specs, Resolution r) {
    Map<String, Nevra> bySpec = new HashMap<>();
    for (ResolvedPackage p : r.packages()) {
      String why = p.why().isEmpty() ? "" : p.why().get(0);
      if (why.startsWith("requested: ")) {
        String spec = why.substring("requested: ".length()).replaceFirst(" \\(.* obsoletes .*\\)$", "");
        bySpec.put(spec, p.pkg().nevra());
      }
    }
    Map<PackageRole, List<Nevra>> out = new EnumMap<>(PackageRole.class);
    specs.forEach((role, list) -> {
      List<Nevra> nevras = new ArrayList<>();
      for (String spec : list) {
        Nevra n = bySpec.get(spec);
        if (n == null) {
          throw new IllegalStateException("the solver recorded no package for spec " + spec);
        }
        nevras.add(n);
      }
      out.put(role, nevras);
    });
    return out;
  }

  /**
   * The RPM entries of the bundle's repository; fails when a file's sha256 (computed once, while indexing) is not
   * the checksum its repository's metadata gave, or the file holds another package.
   */
  static List<RpmEntry> entries(List<RpmPackage> bundled, RepodataResult indexed, Path repoDir)
      throws RpmException, IOException {
    Map<String, RpmPackage> byHref = new HashMap<>();
    for (RpmPackage p : bundled) {
      byHref.put(href(p.nevra()), p);
    }
    List<RpmEntry> out = new ArrayList<>();
    for (PackageRef ref : indexed.packages()) {
      RpmPackage p = byHref.get(ref.href());
      if (p == null) {
        throw new RpmException("could not index the bundle's repository: " + ref.href() + " is no resolved package",
            repoDir.resolve(ref.href()));
      }
      Digest promised = Digest.parse(p.checksum());
      if (!promised.equals(ref.sha256()) || !p.nevra().equals(ref.nevra())) {
        throw new RpmException("could not verify " + p.nevra() + ": the cached file is " + ref.nevra() + " with "
            + ref.sha256() + ", its repository promised " + promised, repoDir.resolve(ref.href()));
      }
      out.add(new RpmEntry(ref.nevra(), BundleLayout.REPO + ref.href(), ref.sha256(),
          Files.size(repoDir.resolve(ref.href()))));
    }
    if (out.size() != bundled.size()) {
      throw new RpmException("could not index the bundle's repository: " + bundled.size() + " packages resolved, "
          + out.size() + " indexed", repoDir);
    }
    return out;
  }

  /** Where a package sits in the bundle's repository. */
  static String href(Nevra n) {
    return "Packages/" + n + ".rpm";
  }
}
