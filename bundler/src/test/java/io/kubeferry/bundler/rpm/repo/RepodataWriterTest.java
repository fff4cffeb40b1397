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

/** Our repodata against real createrepo_c over the same RPMs (all three lab repos: epochs, weak deps, files). */
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

    Map<String, Map<String, String>> mine = PrimarySnapshotAccess.of(ours);
    Map<String, Map<String, String>> reference = PrimarySnapshotAccess.of(theirs);
    int total = 0;
    for (LabRepo r : LabRepo.values()) {
      total += lab.rpms(r).size();
    }
    assertEquals(total, result.packages().size());
    assertEquals(reference.keySet(), mine.keySet());
    for (String pkgid : reference.keySet()) {
      assertEquals(reference.get(pkgid), mine.get(pkgid), "package " + reference.get(pkgid).get("nevra"));
    }
    // the epoch-3 package really carries its epoch (Eclipse Packager writes 0 here)
    assertTrue(mine.values().stream().anyMatch(m -> m.get("nevra").equals("docker-ce-3:20.10.12-3.el7.x86_64")));
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
