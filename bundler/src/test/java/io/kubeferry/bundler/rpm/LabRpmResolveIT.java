package io.kubeferry.bundler.rpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.download.RpmCache;
import io.kubeferry.bundler.rpm.download.RpmDownloader;
import io.kubeferry.bundler.rpm.download.RpmVerifier;
import io.kubeferry.bundler.rpm.profile.BaseOsProfile;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.OpenPgpRepomdVerifier;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoException;
import io.kubeferry.bundler.rpm.repo.RepoReader;
import io.kubeferry.bundler.rpm.repo.RepoSource;
import io.kubeferry.bundler.rpm.repo.Repository;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import io.kubeferry.bundler.rpm.solve.Resolution;
import io.kubeferry.bundler.rpm.solve.ResolvedPackage;
import io.kubeferry.bundler.rpm.solve.SolveRequest;
import io.kubeferry.bundler.rpm.solve.Solver;
import io.kubeferry.bundler.rpm.solve.Spec;
import io.kubeferry.bundler.rpm.solve.UnsatisfiableException;
import io.kubeferry.core.Digest;
import io.kubeferry.lab.yum.LabDnf;
import io.kubeferry.lab.yum.LabGpgKey;
import io.kubeferry.lab.yum.LabRepo;
import io.kubeferry.lab.yum.LabYumRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolve against the lab's signed yum repositories over HTTP, compared with real dnf on the same repos. */
class LabRpmResolveIT {
  private static final List<String> PINNED = List.of("kubeadm-1.23.1-0", "kubelet-1.23.1-0", "kubectl-1.23.1-0",
      "kubernetes-cni-0.8.7-0", "cri-tools-1.19.0-0", "docker-ce-3:20.10.12-3.el7", "docker-ce-cli-1:20.10.12-3.el7",
      "containerd.io-1.4.12-3.1.el7");
  private static LabYumRepos lab;
  private static List<Repository> repos;

  @BeforeAll
  static void start() throws Exception {
    lab = LabYumRepos.start();
    repos = read(lab.gpgPublicKey().armored().getBytes(StandardCharsets.US_ASCII), LabRepo.values());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  private static List<Repository> read(byte[] key, LabRepo... which) throws RepoException {
    RepoReader reader = new RepoReader(HttpRepoClient.defaults());
    List<Repository> out = new ArrayList<>();
    for (LabRepo r : which) {
      out.add(reader.read(new RepoConfig(r.id(), lab.url(r).toString(), 99,
          OpenPgpRepomdVerifier.fromKey(key, "lab key"))));
    }
    return out;
  }

  private static SolveRequest request(List<String> specs, String profile, boolean full) {
    BaseOsProfile p = BaseOsProfile.load(profile);
    return new SolveRequest(specs.stream().map(Spec::new).toList(), "x86_64", false, p.packages(), full,
        p.richDeps());
  }

  private static Set<String> nevras(List<ResolvedPackage> l) {
    Set<String> s = new TreeSet<>();
    l.forEach(p -> s.add(p.pkg().nevra().toString()));
    return s;
  }

  @Test
  void pinnedClosureEqualsWhatDnfInstallsFromTheSameRepos(@TempDir Path work) throws Exception {
    Resolution ours = new Solver().solve(repos, request(PINNED, "none", false));
    LabDnf dnf = LabDnf.in(work, lab.repoFile(List.of(LabRepo.values())));
    var outcome = dnf.install(PINNED);
    assertEquals(0, outcome.exitCode(), outcome.output());
    assertEquals(dnf.installed(), nevras(ours.packages()));
    assertTrue(nevras(ours.packages()).contains("kubelet-1.23.1-0.x86_64"));
  }

  @Test
  void el7ProfileBundlesOnlyWhatTheTargetLacks() throws Exception {
    Resolution empty = new Solver().solve(repos, request(PINNED, "none", false));
    Resolution el7 = new Solver().solve(repos, request(PINNED, "el7", false));
    Set<String> base = BaseOsProfile.load("el7").packages();
    Set<String> expected = new TreeSet<>();
    empty.packages().stream().filter(p -> !base.contains(p.pkg().name()))
        .forEach(p -> expected.add(p.pkg().nevra().toString()));
    assertEquals(expected, nevras(el7.toBundle()));
    Set<String> names = new TreeSet<>();
    el7.toBundle().forEach(p -> names.add(p.pkg().name()));
    assertTrue(names.containsAll(List.of("socat", "conntrack-tools", "libnetfilter_cthelper", "container-selinux",
        "containerd.io", "libseccomp", "libcgroup")), names.toString());
    assertTrue(names.stream().noneMatch(List.of("bash", "iptables", "util-linux", "systemd", "tar")::contains),
        names.toString());
    assertEquals(nevras(empty.packages()), nevras(new Solver().solve(repos, request(PINNED, "el7", true))
        .toBundle()), "--full-closure bundles everything");
  }

  @Test
  void unsatisfiableRequestListsAllMissingDependenciesWithChains() throws Exception {
    List<Repository> onlyKubernetes = read(lab.gpgPublicKey().armored().getBytes(StandardCharsets.US_ASCII),
        LabRepo.KUBERNETES);
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> new Solver().solve(onlyKubernetes,
        request(PINNED.subList(0, 5), "none", false)));
    Set<String> missing = new TreeSet<>();
    for (String line : e.problems()) {
      assertTrue(line.startsWith("nothing provides "), line);
      missing.add(line.substring("nothing provides ".length(), line.indexOf(" needed by ")));
    }
    assertTrue(missing.containsAll(Set.of("iptables >= 1.4.21", "socat", "util-linux", "ethtool", "iproute",
        "ebtables", "conntrack", "/bin/sh")), missing.toString());
    assertTrue(e.problems().stream().anyMatch(l -> l.equals("nothing provides socat needed by"
        + " kubelet-1.23.1-0.x86_64 (requested: kubelet-1.23.1-0)")), e.getMessage());
  }

  @Test
  void unpinnedResolveShowsTheWrongKubeletTrapLikeDnfWhilePinnedIsRight(@TempDir Path work) throws Exception {
    Set<String> unpinned = nevras(new Solver().solve(repos, request(List.of("kubeadm-1.23.1-0"), "none", false))
        .packages());
    assertTrue(unpinned.contains("kubelet-1.24.0-0.x86_64"), unpinned.toString());
    LabDnf dnf = LabDnf.in(work, lab.repoFile(List.of(LabRepo.values())));
    var outcome = dnf.install(List.of("kubeadm-1.23.1-0"));
    assertEquals(0, outcome.exitCode(), outcome.output());
    assertEquals(dnf.installed(), unpinned, "dnf falls into the same trap");
    Set<String> pinned = nevras(new Solver().solve(repos, request(PINNED, "none", false)).packages());
    assertTrue(pinned.containsAll(List.of("kubelet-1.23.1-0.x86_64", "kubernetes-cni-0.8.7-0.x86_64",
        "cri-tools-1.19.0-0.x86_64")) && !pinned.contains("kubelet-1.24.0-0.x86_64"), pinned.toString());
  }

  @Test
  void repomdSignedByAnotherKeyIsRefused() throws Exception {
    byte[] other = LabGpgKey.named("other").publicKeyArmored().getBytes(StandardCharsets.US_ASCII);
    RepoException e = assertThrows(RepoException.class, () -> read(other, LabRepo.BASE));
    assertTrue(e.getMessage().contains("repository base") && e.getMessage().contains("not the configured key"),
        e.getMessage());
  }

  @Test
  void downloaderVerifiesResumesAndReusesTheCache(@TempDir Path cacheDir) throws Exception {
    Resolution r = new Solver().solve(repos, request(PINNED, "el7", false));
    List<RpmPackage> pkgs = r.toBundle().stream().map(ResolvedPackage::pkg).toList();
    Map<String, RepoSource> sources = Map.of(
        "kubernetes", RepoSource.of(lab.kubernetesUrl().toString(), HttpRepoClient.defaults()),
        "docker-ce", RepoSource.of(lab.dockerCeUrl().toString(), HttpRepoClient.defaults()),
        "base", RepoSource.of(lab.baseUrl().toString(), HttpRepoClient.defaults()));
    RpmCache cache = new RpmCache(cacheDir);
    RpmPackage kubeadm = pkgs.stream().filter(p -> p.name().equals("kubeadm")).findFirst().orElseThrow();
    lab.server().truncateNextResponse(kubeadm.location());
    RpmDownloader downloader = new RpmDownloader(sources, cache, RpmVerifier.NONE, 4);
    List<Path> files = downloader.download(pkgs);
    assertEquals(pkgs.size(), files.size());
    for (int i = 0; i < pkgs.size(); i++) {
      assertEquals(pkgs.get(i).checksum(), Digest.sha256Of(Files.readAllBytes(files.get(i))).toString());
    }
    String path = lab.kubernetesUrl().getPath() + kubeadm.location();
    int before = lab.requestCount(path);
    assertTrue(before >= 2, "the truncated download was resumed with a second request: " + before);
    downloader.download(pkgs);
    assertEquals(before, lab.requestCount(path), "a cached, verified package is not downloaded again");
    try (var partial = Files.list(cacheDir.resolve("partial"))) {
      assertFalse(partial.findAny().isPresent(), "no partial file left behind");
    }
  }
}
