package io.kubeferry.bundler.rpm.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCacheTest {
  @Test
  void cachedPackagesEqualParsedOnesAndDamageIsIgnored(@TempDir Path dir) throws Exception {
    TestRepo t = new TestRepo();
    t.pkg("docker-ce-3:20.10.12-3.el7.x86_64").requires("containerd.io >= 1.4.1", "(a if b)", "/bin/sh")
        .conflicts("docker-ee").obsoletes("docker < 2:1.13").recommends("x").supplements("y").suggests("z")
        .files("/usr/bin/dockerd", "/etc/docker/daemon.json");
    t.pkg("kubelet-1.23.1-0.x86_64").provides("kubelet = 1.23.1-0");
    Path repo = t.write(dir.resolve("repo"));
    Path cacheDir = dir.resolve("cache");
    List<RpmPackage> parsed = new RepoReader(HttpRepoClient.defaults()).read(RepoConfig.of("r", repo.toString()))
        .packages();
    MetadataCache cache = new MetadataCache(cacheDir);
    RepoReader cached = new RepoReader(HttpRepoClient.defaults(), cache);
    assertEquals(parsed, cached.read(RepoConfig.of("r", repo.toString())).packages(), "first read parses");
    cache.awaitWrites();
    Path bin;
    try (Stream<Path> s = Files.list(cacheDir)) {
      bin = s.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
    }
    // Make the primary unreadable: only the cache can answer now.
    try (Stream<Path> s = Files.list(repo.resolve("repodata"))) {
      for (Path p : s.filter(p -> p.toString().contains("primary")).toList()) {
        Files.write(p, new byte[] {1, 2, 3});
      }
    }
    assertEquals(parsed, cached.read(RepoConfig.of("r", repo.toString())).packages(), "second read from cache");
    byte[] b = Files.readAllBytes(bin);
    b[b.length / 2] ^= 1;
    Files.write(bin, b);
    RepoException e = org.junit.jupiter.api.Assertions.assertThrows(RepoException.class,
        () -> cached.read(RepoConfig.of("r", repo.toString())));
    assertTrue(e.getMessage().contains("primary"), "a damaged cache is ignored, the broken primary is read: "
        + e.getMessage());
  }
}
