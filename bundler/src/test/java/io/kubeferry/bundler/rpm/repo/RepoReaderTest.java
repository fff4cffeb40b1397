package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoReaderTest {
  private final RepoReader reader = new RepoReader(HttpRepoClient.defaults());

  private static TestRepo sample() {
    TestRepo repo = new TestRepo();
    repo.pkg("kubelet-1.23.1-0.x86_64").requires("conntrack", "iptables >= 1.4.21", "(socat or busybox)")
        .provides("kubelet = 1.23.1-0").files("/usr/bin/kubelet", "/usr/share/doc/kubelet/README");
    repo.pkg("docker-ce-3:20.10.12-3.el7.x86_64").requires("containerd.io >= 1.4.1")
        .conflicts("docker-ee").obsoletes("docker < 2:1.13");
    return repo;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gz", "xz", "zst", "bz2", "none"})
  void readsEveryCompression(String compression, @TempDir Path dir) throws Exception {
    sample().write(dir, compression, s -> s);
    Repository r = reader.read(RepoConfig.of("lab", dir.toString()));
    assertEquals(2, r.packages().size());
    RpmPackage kubelet = r.packages().get(0);
    assertEquals("kubelet-1.23.1-0.x86_64", kubelet.nevra().toString());
    assertEquals(List.of("conntrack", "iptables >= 1.4.21", "(socat or busybox)"),
        kubelet.requires().stream().map(Dep::toString).toList());
    assertEquals(List.of("/usr/bin/kubelet"), kubelet.files(), "primary lists only the *bin/ and /etc subset");
    RpmPackage docker = r.packages().get(1);
    assertEquals("docker-ce-3:20.10.12-3.el7.x86_64", docker.nevra().toString());
    assertEquals("docker < 2:1.13", docker.obsoletes().get(0).toString());
    assertTrue(docker.checksum().startsWith("sha256:"));
  }

  @Test
  void filelistsAnswerPathsPrimaryDoesNotList(@TempDir Path dir) throws Exception {
    sample().write(dir);
    Repository r = reader.read(RepoConfig.of("lab", dir.toString()));
    var owners = r.filelists().ownersByChecksum(Set.of("/usr/share/doc/kubelet/README", "/nope"));
    assertEquals(List.of(r.packages().get(0).checksum()), owners.get("/usr/share/doc/kubelet/README"));
    assertFalse(owners.containsKey("/nope"));
  }

  @Test
  void corruptedPrimaryFailsItsChecksum(@TempDir Path dir) throws Exception {
    sample().write(dir);
    Path primary = primaryFile(dir);
    byte[] b = Files.readAllBytes(primary);
    b[b.length / 2] ^= 0x55;
    Files.write(primary, b);
    RepoException e = assertThrows(RepoException.class, () -> reader.read(RepoConfig.of("lab", dir.toString())));
    assertTrue(e.getMessage().contains("repository lab") && e.getMessage().contains("primary.xml.gz"),
        e.getMessage());
  }

  @Test
  void truncatedPrimaryIsReportedNotParsedHalf(@TempDir Path dir) throws Exception {
    sample().write(dir, "none", s -> s);
    Path primary = primaryFile(dir);
    byte[] b = Files.readAllBytes(primary);
    Files.write(primary, java.util.Arrays.copyOf(b, b.length / 2));
    RepoException e = assertThrows(RepoException.class, () -> reader.read(RepoConfig.of("lab", dir.toString())));
    assertTrue(e.getMessage().startsWith("could not read"), e.getMessage());
  }

  @Test
  void doctypeAndEntitiesAreRefused(@TempDir Path dir) throws Exception {
    String bomb = "<!DOCTYPE metadata [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
    sample().write(dir, "gz", s -> s.replaceFirst("\n", "\n" + bomb).replace("test &amp; fixture", "&b;&xxe;"));
    RepoException e = assertThrows(RepoException.class, () -> reader.read(RepoConfig.of("lab", dir.toString())));
    assertFalse(e.getMessage().contains("root:"), "must not read external entities");
    assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("entity"), e.getMessage());
  }

  @Test
  void locationOutsideTheRepositoryIsRefused(@TempDir Path dir) throws Exception {
    sample().write(dir);
    Path repomd = dir.resolve("repodata/repomd.xml");
    Files.writeString(repomd, Files.readString(repomd).replaceFirst("href=\"repodata/", "href=\"../../etc/"));
    RepoException e = assertThrows(RepoException.class, () -> reader.read(RepoConfig.of("lab", dir.toString())));
    assertTrue(e.getMessage().contains("unsafe path"), e.getMessage());
  }

  @Test
  void missingRepositoryIsOneClearLine(@TempDir Path dir) {
    RepoException e = assertThrows(RepoException.class,
        () -> reader.read(RepoConfig.of("base", dir.resolve("nowhere").toString())));
    assertEquals("could not read repository base (" + dir.resolve("nowhere") + "): repodata/repomd.xml not found"
        + " (is the URL the repository root?)", e.getMessage());
  }

  private static Path primaryFile(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("repodata"))) {
      return s.filter(p -> p.getFileName().toString().contains("-primary.xml")).findFirst().orElseThrow();
    }
  }
}
