package io.kubeferry.bundler.rpm.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.CentosStream9Data;
import io.kubeferry.bundler.rpm.DnfOracle;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoReader;
import io.kubeferry.bundler.rpm.repo.Repository;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our closure for an empty target equals what real dnf would install, on the real CentOS Stream 9 metadata
 * (18.7k packages with rich and file dependencies, modular packages, alternatives such as curl/curl-minimal),
 * checked in under testdata/centos-stream9.
 */
class CentosStream9ClosureIT {
  private static List<Repository> repos;
  private static Map<String, Path> dirs;

  @BeforeAll
  static void read() throws Exception {
    dirs = new LinkedHashMap<>();
    dirs.put("bos", CentosStream9Data.baseos());
    dirs.put("aps", CentosStream9Data.appstream());
    RepoReader reader = new RepoReader(HttpRepoClient.defaults());
    repos = List.of(reader.read(RepoConfig.of("bos", dirs.get("bos").toString())),
        reader.read(RepoConfig.of("aps", dirs.get("aps").toString())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"httpd", "podman", "containernetworking-plugins", "iptables-nft", "socat",
      "conntrack-tools", "httpd podman nginx git postfix python3 openssh-server sudo", "container-selinux"})
  void closureEqualsDnf(String specs, @TempDir Path work) throws Exception {
    List<String> list = List.of(specs.split(" "));
    var dnf = new DnfOracle(dirs, work, "x86_64").install(list);
    SolveRequest request = SolveRequest.of("x86_64", list.toArray(String[]::new));
    if (dnf.isEmpty()) {
      // dnf finds no solution (this metadata mixes a 2022 BaseOS with a newer AppStream): neither may we.
      assertThrows(UnsatisfiableException.class, () -> new Solver().solve(repos, request), specs);
      return;
    }
    Set<String> expected = dnf.get();
    Resolution r = new Solver().solve(repos, request);
    Set<String> actual = new TreeSet<>();
    r.packages().forEach(p -> actual.add(p.pkg().nevra().toString()));
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    assertTrue(expected.size() > 5, "dnf resolved too little: " + expected);
    assertEquals(Set.of(), missing, "dnf installs these but we do not (" + specs + "); extra on our side: " + extra);
    assertEquals(Set.of(), extra, "we install these but dnf does not (" + specs + ")");
  }
}
