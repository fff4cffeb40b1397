package io.kubeferry.bundler.rpm.solve;

import io.kubeferry.bundler.rpm.repo.Dep;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * How packages of one name but different arches live together, as rpm pools in libsolv do (implicit obsoletes use
 * arch colours): a 32-bit and a 64-bit package coexist, noarch excludes both, and a 32-bit package needs its
 * target-arch twin of the same version (libsolv's infarch rule). Only matters with --multilib: otherwise no 32-bit
 * package is a candidate. Stateless.
 */
final class Multilib {
  private static final int X86_32 = 1;
  private static final int OTHER = 2;

  private Multilib() {}

  /** Whether packages of one name with these arches exclude each other. */
  static boolean exclusive(String arch, String other) {
    return (colour(arch) & colour(other)) != 0;
  }

  /**
   * The infarch rule of package {@code p}: when it is 32-bit and its name also exists for {@code targetArch}, it
   * requires that package at the same version (dnf installs libstdc++.x86_64 beside libstdc++.i686 although nothing
   * requires it; with no such version the rule cannot be met). Null when {@code p} has no such rule.
   */
  static Rule lockStep(PackagePool pool, String targetArch, int p) throws RepoException {
    RpmPackage s = pool.get(p);
    if (colour(s.arch()) != X86_32) {
      return null;
    }
    boolean targetExists = false;
    List<Integer> same = new ArrayList<>();
    for (int q : pool.named(s.name())) {
      RpmPackage o = pool.get(q);
      if (o.arch().equals(targetArch)) {
        targetExists = true;
        if (o.evr().compareTo(s.evr()) == 0) {
          same.add(q);
        }
      }
    }
    return targetExists ? new Rule(p, new Dep(s.name(), Dep.EQ, s.evr()), null,
        same.stream().mapToInt(Integer::intValue).toArray()) : null;
  }

  private static int colour(String arch) {
    return switch (arch) {
      case "noarch" -> X86_32 | OTHER;
      case "i386", "i486", "i586", "i686", "athlon" -> X86_32;
      default -> OTHER;
    };
  }
}
