package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.core.rpm.Evr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageIndexTest {
  private static Dep dep(String name, int flags, String evr) {
    return new Dep(name, flags, evr == null ? null : Evr.parse(evr));
  }

  private static RpmPackage pkg(String name, String evr, String arch, List<Dep> provides, List<Dep> requires,
      List<String> files) {
    return new RpmPackage(name, Evr.parse(evr), arch, "ignored", "Packages/" + name + ".rpm", "sha256:" + name.length()
        + "abc", 1L << 33, provides, requires, List.of(dep("old-" + name, Dep.LT, "2")),
        List.of(dep("older-" + name, Dep.LT, "2")), List.of(),
        List.of(), List.of(), List.of(), files);
  }

  private final List<RpmPackage> packages = List.of(
      pkg("bash", "5.1-1", "x86_64", List.of(dep("bash", Dep.EQ, "5.1-1"), dep("/bin/sh", 0, null)),
          List.of(dep("libc.so.6()(64bit)", 0, null), dep("/usr/bin/env", 0, null)), List.of("/usr/bin/bash")),
      pkg("glibc", "2.34-1", "x86_64", List.of(dep("libc.so.6()(64bit)", 0, null)), List.of(),
          List.of("/usr/sbin/ldconfig")),
      pkg("glibc", "2.34-1", "i686", List.of(dep("libc.so.6", 0, null)), List.of(dep("/bin/sh", 0, null)),
          List.of()),
      pkg("žluťoučký", "1:1.0~rc1^git2-1", "noarch", List.of(), List.of(dep("(bash or zsh)", 0, null)),
          List.of()));

  @Test
  void packagesComeBackEqualWithTheRepoIdAndTheIndexAnswersLookups(@TempDir Path dir) throws Exception {
    PackageIndex built = PackageIndex.of("r", packages);
    RepoMd repomd = RepoMd.parse(("<repomd><data type=\"primary\"><checksum type=\"sha256\">" + "ab".repeat(32)
        + "</checksum><location href=\"repodata/p.xml.gz\"/></data></repomd>").getBytes(),
        "test repomd");
    MetadataCache cache = new MetadataCache(dir);
    cache.store(repomd, built);
    cache.awaitWrites();
    PackageIndex loaded = cache.load(repomd, "other").orElseThrow();
    for (PackageIndex ix : List.of(built, loaded)) {
      String id = ix == built ? "r" : "other";
      List<RpmPackage> expected = new ArrayList<>();
      for (RpmPackage p : packages) {
        expected.add(new RpmPackage(p.name(), p.evr(), p.arch(), id, p.location(), p.checksum(), p.size(),
            p.provides(), p.requires(), p.conflicts(), p.obsoletes(), p.recommends(), p.supplements(),
            p.suggests(), p.enhances(), p.files()));
      }
      assertEquals(expected, ix.packages(), id);
      assertArrayEquals(new int[] {1, 2}, ix.named("glibc"));
      assertArrayEquals(new int[0], ix.named("zsh"));
      // explicit provide index, implicit self-provide, file
      assertArrayEquals(new int[] {0, 1}, ix.providers("/bin/sh"));
      assertArrayEquals(new int[] {1, 0}, ix.providers("libc.so.6()(64bit)"));
      assertArrayEquals(new int[] {1, PackageIndex.SELF, 2, PackageIndex.SELF}, ix.providers("glibc"));
      assertArrayEquals(new int[] {0, 0}, ix.providers("bash"), "an explicit name = evr provide is not doubled");
      assertArrayEquals(new int[] {1, PackageIndex.FILE}, ix.providers("/usr/sbin/ldconfig"));
      assertTrue(ix.provides("žluťoučký"));
      assertFalse(ix.provides("/usr/bin/env"));
      assertEquals(List.of("/usr/bin/env", "/bin/sh"), ix.fileRequires());
      assertEquals("i686", ix.arch(2));
      assertArrayEquals(new int[] {1, 2}, ix.obsoleters("older-glibc"));
      assertArrayEquals(new int[] {0}, ix.obsoleters("older-bash"));
      assertArrayEquals(new int[0], ix.obsoleters("old-bash"), "a conflict is not an obsolete");
    }
  }

  @Test
  void aPackageObsoletingOneNameTwiceIsListedOnceAmongItsObsoleters() {
    RpmPackage twice = new RpmPackage("tool-ng", Evr.parse("2.0-1"), "x86_64", "r", "Packages/t.rpm", "sha256:ab", 1,
        List.of(), List.of(), List.of(), List.of(dep("tool", Dep.LT, "1.0"), dep("tool", Dep.GT, "5.0")), List.of(),
        List.of(), List.of(), List.of(), List.of());
    PackageIndex ix = PackageIndex.of("r", List.of(packages.get(0), twice));
    assertArrayEquals(new int[] {1}, ix.obsoleters("tool"));
    assertArrayEquals(new int[] {0}, ix.obsoleters("older-bash"));
  }

  @Test
  void aChecksumThatIsNotPlainHexIsNotUsedAsAFileName(@TempDir Path dir) throws Exception {
    RepoMd repomd = RepoMd.parse(("<repomd><data type=\"primary\"><checksum type=\"sha256\">../../"
        + "ab".repeat(32) + "</checksum><location href=\"repodata/p.xml.gz\"/></data></repomd>").getBytes(),
        "test repomd");
    MetadataCache cache = new MetadataCache(dir.resolve("c"));
    cache.store(repomd, PackageIndex.of("r", packages));
    cache.awaitWrites();
    try (Stream<Path> s = Files.walk(dir)) {
      assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "nothing written");
    }
    assertTrue(cache.load(repomd, "r").isEmpty());
  }
}
