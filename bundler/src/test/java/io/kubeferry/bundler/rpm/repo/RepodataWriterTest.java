package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.PrimarySnapshotAccess;
import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.lab.yum.LabGpgKey;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepoBuilder;
import io.kubeferry.lab.yum.LabYumRepoSet;
import io.kubeferry.lab.yum.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our repodata against real createrepo_c over the same RPMs, field by field: all three lab repos (epochs, weak deps,
 * files), and fixtures for createrepo_c's dependency rules. The generated corpus is {@link RepodataCorpusIT}.
 */
class RepodataWriterTest {
  private static LabYumRepoSet lab;

  @BeforeAll
  static void build() throws Exception {
    lab = LabYumRepoBuilder.buildOrReuse();
  }

  static Path copyAllRpms(Path dir) throws Exception {
    for (LabRepo r : LabRepo.values()) {
      Path sub = Files.createDirectories(dir.resolve(r.id()).resolve("Packages"));
      for (Path rpm : lab.rpms(r)) {
        Files.copy(rpm, sub.resolve(rpm.getFileName()));
      }
    }
    return dir;
  }

  @Test
  void samePackagesChecksumsAndDependenciesAsCreaterepoC(@TempDir Path tmp) throws Exception {
    Path ours = copyAllRpms(tmp.resolve("ours"));
    Path theirs = copyAllRpms(tmp.resolve("theirs"));
    RepodataResult result = RepodataWriter.write(RepodataOptions.of(ours));
    Processes.check(List.of("createrepo_c", "--quiet", "--no-database", theirs.toString()), Map.of(), null, 300);

    int total = 0;
    for (LabRepo r : LabRepo.values()) {
      total += lab.rpms(r).size();
    }
    assertEquals(total, result.packages().size());
    assertEquals(List.of(), RepodataDiff.of(theirs, ours));
    Map<String, Map<String, String>> mine = PrimarySnapshotAccess.of(ours);
    // the epoch-3 package really carries its epoch (Eclipse Packager writes 0 here)
    assertTrue(mine.values().stream().anyMatch(m -> m.get("nevra").equals("docker-ce-3:20.10.12-3.el7.x86_64")));
  }

  /**
   * The three rules the issue found on real EL7 sets, each on a fixture built by rpmbuild: libc.so.6 requires collapse
   * to the highest (stub ELF files needing five GLIBC versions, 32- and 64-bit); a require the package provides goes
   * only at the same flags and version ({@code perl(Carp)} stays next to {@code perl(Carp) = 1.26}); a repeat goes
   * only when it equals the last kept one of its name (the %preun {@code /bin/sh} comes back after the %pre one).
   */
  @Test
  void dependencyRulesOfCreaterepoC(@TempDir Path tmp) throws Exception {
    TestSpec spec = new TestSpec()
        .add(new TestSpec.Package("glibc-user", 0, "1.0", "1", false, List.of(), List.of(), List.of(
            new TestSpec.File("/usr/bin/glibc-user", StubElf.executable(true)
                .needs("libc.so.6", List.of("GLIBC_2.2.5", "GLIBC_2.14", "GLIBC_2.3.4", "GLIBC_PRIVATE"))
                .needs("libm.so.6", List.of("GLIBC_2.2.5")).bytes(), true, ""),
            new TestSpec.File("/usr/libexec/glibc-user32", StubElf.executable(false)
                .needs("libc.so.6", List.of("GLIBC_2.0", "GLIBC_2.1.3")).bytes(), true, ""))))
        .add(new TestSpec.Package("perl-Carp-user", 0, "1.26", "1", true, List.of("Provides: perl(Carp) = 1.26",
            "Requires: perl(Carp)", "Provides: perl(Exporter) = 5.68", "Requires: perl(Exporter) = 5.68",
            "Requires: perl(Exporter) >= 5.57"), List.of(), List.of()))
        .add(new TestSpec.Package("scriptlets", 1, "2.0", "3", true, List.of("Requires: /bin/sh"), List.of(
            "%pre%NAME%\necho pre\n", "%post%NAME%\necho post\n", "%preun%NAME%\necho preun\n"), List.of()));
    Map<String, Map<String, String>> mine = compareWithCreaterepoC(tmp, TestRpmBuilder.build(List.of(spec),
        tmp.resolve("rpms")));

    assertEquals(String.join("\n", "libm.so.6()(64bit)", "libm.so.6(GLIBC_2.2.5)(64bit)",
        "libc.so.6(GLIBC_2.14)(64bit)"), requires(mine, "glibc-user"));
    assertEquals(String.join("\n", "perl(Carp)", "perl(Exporter) GE 0:5.57"), requires(mine, "perl-Carp-user"));
    assertEquals(String.join("\n", "/bin/sh", "/bin/sh (pre)", "/bin/sh"), requires(mine, "scriptlets"));
  }

  /** Headers only other tools write: repeats out of order, stray flag bits, missing-ok and legacy weak tags. */
  @Test
  void handmadeHeadersLikeCreaterepoC(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("rpms"));
    int pre = io.kubeferry.bundler.rpm.RpmDependency.SCRIPT_PRE;
    int ge = io.kubeferry.bundler.rpm.RpmDependency.GREATER | io.kubeferry.bundler.rpm.RpmDependency.EQUAL;
    Path rpm = new HandmadeRpm("handmade")
        .requires("b", 0, "").requires("a", ge, "1").requires("b", 0, "").requires("a", ge | pre, "1")
        .requires("a", ge, "1").requires("c", 1 | ge, "2").requires("d", PrimaryDependencies.MISSINGOK, "")
        .requires("libc.so.6(GLIBC_2.4)", 0, "").requires("libc.so.6(GLIBC_2.4)(64bit)", pre, "")
        .oldSuggests("e", PrimaryDependencies.STRONG, "").oldSuggests("f", 0, "")
        .oldEnhances("g", PrimaryDependencies.STRONG, "").oldEnhances("h", 0, "")
        .build(dir);
    Map<String, Map<String, String>> mine = compareWithCreaterepoC(tmp, List.of(rpm));
    assertEquals(String.join("\n", "b", "a GE 0:1", "a GE 0:1 (pre)", "a GE 0:1", "c", "libc.so.6(GLIBC_2.4)"),
        requires(mine, "handmade"));
    Map<String, String> p = mine.values().iterator().next();
    assertEquals("d\ne", p.get("recommends"));
    assertEquals("f", p.get("suggests"));
    assertEquals("g", p.get("supplements"));
    assertEquals("h", p.get("enhances"));
  }

  /** Indexes {@code rpms} with us and with createrepo_c, asserts no difference, returns our primary snapshot. */
  private static Map<String, Map<String, String>> compareWithCreaterepoC(Path tmp, List<Path> rpms) throws Exception {
    Path ours = Files.createDirectories(tmp.resolve("ours/Packages"));
    Path theirs = Files.createDirectories(tmp.resolve("theirs/Packages"));
    for (Path rpm : rpms) {
      Files.copy(rpm, ours.resolve(rpm.getFileName()));
      Files.copy(rpm, theirs.resolve(rpm.getFileName()));
    }
    RepodataWriter.write(RepodataOptions.of(ours.getParent()));
    Processes.check(List.of("createrepo_c", "--quiet", "--no-database", theirs.getParent().toString()), Map.of(),
        null, 300);
    assertEquals(List.of(), RepodataDiff.of(theirs.getParent(), ours.getParent()));
    return PrimarySnapshotAccess.of(ours.getParent());
  }

  private static String requires(Map<String, Map<String, String>> snapshot, String name) {
    return snapshot.values().stream().filter(m -> m.get("nevra").startsWith(name + "-")).findFirst().orElseThrow()
        .get("requires");
  }

  @Test
  void deterministicAndAtomic(@TempDir Path tmp) throws Exception {
    Path a = copyAllRpms(tmp.resolve("a"));
    Path b = copyAllRpms(tmp.resolve("b"));
    try (var s = Files.walk(b)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
      }
    }
    RepodataWriter.write(RepodataOptions.of(a));
    RepodataWriter.write(RepodataOptions.of(b));
    assertArrayEquals(Files.readAllBytes(a.resolve("repodata/repomd.xml")),
        Files.readAllBytes(b.resolve("repodata/repomd.xml")));
    // rewrite in place: same bytes, and no temp dirs left over
    byte[] before = Files.readAllBytes(a.resolve("repodata/repomd.xml"));
    RepodataWriter.write(RepodataOptions.of(a));
    assertArrayEquals(before, Files.readAllBytes(a.resolve("repodata/repomd.xml")));
    try (var s = Files.list(a)) {
      assertEquals(List.of("base", "docker-ce", "kubernetes", "repodata"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void badOrUntrustedRpmsLeaveTheRepoUntouched(@TempDir Path tmp) throws Exception {
    Path repo = copyAllRpms(tmp.resolve("r"));
    RepodataWriter.write(RepodataOptions.of(repo));
    byte[] before = Files.readAllBytes(repo.resolve("repodata/repomd.xml"));

    Files.writeString(repo.resolve("base/Packages/zz-broken-1-1.x86_64.rpm"), "garbage");
    RpmException e = assertThrows(RpmException.class, () -> RepodataWriter.write(RepodataOptions.of(repo)));
    assertTrue(e.getMessage().startsWith("could not read RPM"), e.getMessage());
    assertTrue(e.getMessage().contains("zz-broken"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(repo.resolve("repodata/repomd.xml")));
    Files.delete(repo.resolve("base/Packages/zz-broken-1-1.x86_64.rpm"));

    RepomdSigner broken = data -> {
      throw new java.io.IOException("no agent");
    };
    RpmException signing = assertThrows(RpmException.class,
        () -> RepodataWriter.write(RepodataOptions.of(repo).withSigner(broken, null)));
    assertEquals("could not sign repomd.xml: no agent (input " + repo + ")", signing.getMessage());
    assertArrayEquals(before, Files.readAllBytes(repo.resolve("repodata/repomd.xml")));

    RpmKeyring other = RpmKeyring.parse(LabGpgKey.named("other").publicKeyArmored(), "other");
    RpmException untrusted = assertThrows(RpmException.class,
        () -> RepodataWriter.write(RepodataOptions.of(repo).withVerification(other)));
    assertTrue(untrusted.getMessage().contains("not among the trusted keys"), untrusted.getMessage());
    assertTrue(untrusted.getSuppressed().length > 10, "every bad RPM is reported");
    assertArrayEquals(before, Files.readAllBytes(repo.resolve("repodata/repomd.xml")));
    try (var s = Files.list(repo)) {
      assertEquals(List.of("base", "docker-ce", "kubernetes", "repodata"),
          s.map(p -> p.getFileName().toString()).sorted().toList(), "no temp dirs left behind");
    }
  }
}
