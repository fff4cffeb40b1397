package io.kubeferry.bundler.rpm.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubeferry.bundler.rpm.TestRepo;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoReader;
import io.kubeferry.bundler.rpm.repo.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolverTest {
  @TempDir Path dir;
  private int n;

  private Repository read(TestRepo repo, int priority) throws Exception {
    Path d = repo.write(dir.resolve("r" + (++n)));
    return new RepoReader(HttpRepoClient.defaults()).read(new RepoConfig("r" + n, d.toString(), priority, null));
  }

  private static Set<String> nevras(Resolution r) {
    Set<String> s = new TreeSet<>();
    r.toBundle().forEach(p -> s.add(p.pkg().nevra().toString()));
    return s;
  }

  private static TestRepo kubernetes() {
    TestRepo k = new TestRepo();
    for (String v : List.of("1.23.1", "1.30.0")) {
      k.pkg("kubelet-" + v + "-0.x86_64").requires("conntrack", "socat", "kubernetes-cni >= 0.8.7", "/bin/sh");
      k.pkg("kubectl-" + v + "-0.x86_64");
      k.pkg("kubeadm-" + v + "-0.x86_64").requires("kubelet >= 1.19.0", "kubectl >= 1.19.0",
          "kubernetes-cni >= 0.8.6", "cri-tools >= 1.19.0");
    }
    k.pkg("kubernetes-cni-0.8.7-0.x86_64");
    k.pkg("kubernetes-cni-1.2.0-0.x86_64");
    k.pkg("cri-tools-1.19.0-0.x86_64");
    k.pkg("cri-tools-1.26.0-0.x86_64");
    return k;
  }

  private static TestRepo base() {
    TestRepo b = new TestRepo();
    b.pkg("bash-4.2.46-35.el7.x86_64").files("/bin/sh", "/bin/bash");
    b.pkg("conntrack-tools-1.4.4-7.el7.x86_64").provides("conntrack").requires("libnetfilter_cthelper.so.0()(64bit)");
    b.pkg("libnetfilter_cthelper-1.0.0-11.el7.x86_64").provides("libnetfilter_cthelper.so.0()(64bit)");
    b.pkg("libnetfilter_cthelper-1.0.0-11.el7.i686").provides("libnetfilter_cthelper.so.0");
    b.pkg("socat-1.7.3.2-2.el7.x86_64");
    return b;
  }

  @Test
  void unpinnedResolveShowsTheWrongKubeletTrapAndPinningFixesIt() throws Exception {
    List<Repository> repos = List.of(read(kubernetes(), 99), read(base(), 99));
    Set<String> trap = nevras(new Solver().solve(repos, SolveRequest.of("x86_64", "kubeadm-1.23.1-0")));
    assertTrue(trap.contains("kubelet-1.30.0-0.x86_64"), "unpinned kubeadm 1.23.1 drags the newest kubelet: " + trap);
    Set<String> pinned = nevras(new Solver().solve(repos, SolveRequest.of("x86_64", "kubeadm-1.23.1-0",
        "kubelet-1.23.1-0", "kubectl-1.23.1-0", "kubernetes-cni-0.8.7-0", "cri-tools-1.19.0-0")));
    assertEquals(Set.of("kubeadm-1.23.1-0.x86_64", "kubelet-1.23.1-0.x86_64", "kubectl-1.23.1-0.x86_64",
        "kubernetes-cni-0.8.7-0.x86_64", "cri-tools-1.19.0-0.x86_64", "conntrack-tools-1.4.4-7.el7.x86_64",
        "libnetfilter_cthelper-1.0.0-11.el7.x86_64", "socat-1.7.3.2-2.el7.x86_64", "bash-4.2.46-35.el7.x86_64"),
        pinned, "pinned closure, no i686, file dependency /bin/sh from primary's file list");
  }

  @Test
  void unsatisfiableRequestListsEveryMissingDependencyWithItsChain() throws Exception {
    TestRepo thin = new TestRepo();
    thin.pkg("bash-4.2.46-35.el7.x86_64").files("/bin/sh");
    List<Repository> repos = List.of(read(kubernetes(), 99), read(thin, 99));
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> new Solver().solve(repos,
        SolveRequest.of("x86_64", "kubeadm-1.23.1-0", "kubelet-1.23.1-0")));
    List<String> expected = List.of(
        "nothing provides conntrack needed by kubelet-1.23.1-0.x86_64 (requested: kubelet-1.23.1-0)",
        "nothing provides socat needed by kubelet-1.23.1-0.x86_64 (requested: kubelet-1.23.1-0)");
    assertEquals(expected, e.problems());
    assertEquals(3, e.getMessage().split("\n").length, "header plus one line per missing dependency");
  }

  @Test
  void chainNamesEveryRequirerUpToTheRequest() throws Exception {
    TestRepo r = new TestRepo();
    r.pkg("docker-ce-3:20.10.12-3.el7.x86_64").requires("containerd.io >= 1.4.1");
    r.pkg("containerd.io-1.4.12-3.1.el7.x86_64").requires("container-selinux >= 2:2.74");
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> new Solver().solve(List.of(read(r, 99)), SolveRequest.of("x86_64", "docker-ce-3:20.10.12-3.el7")));
    assertEquals(List.of("nothing provides container-selinux >= 2:2.74 needed by containerd.io-1.4.12-3.1.el7.x86_64"
        + " <- docker-ce-3:20.10.12-3.el7.x86_64 (requested: docker-ce-3:20.10.12-3.el7)"), e.problems());
  }

  @Test
  void unknownSpecsAndConflictingPinsAreAllReported() throws Exception {
    List<Repository> repos = List.of(read(kubernetes(), 99));
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> new Solver().solve(repos,
        SolveRequest.of("x86_64", "kubelet-1.23.1-0", "kubelet-1.30.0-0", "kubeadm-1.99.0-0", "nosuch")));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).startsWith("conflicting pins for kubelet"), e.problems().get(0));
    assertTrue(e.problems().get(1).startsWith("no version of kubeadm matches 'kubeadm-1.99.0-0' (available:"));
    assertEquals("no package matches 'nosuch' for x86_64 in the repositories", e.problems().get(2));
  }

  @Test
  void repositoryPriorityBeatsNewerVersion() throws Exception {
    TestRepo mirror = new TestRepo();
    mirror.pkg("socat-1.7.4.1-6.el9.x86_64");
    TestRepo local = new TestRepo();
    local.pkg("socat-1.7.3.2-2.el7.x86_64");
    Set<String> s = nevras(new Solver().solve(List.of(read(mirror, 99), read(local, 10)),
        SolveRequest.of("x86_64", "socat")));
    assertEquals(Set.of("socat-1.7.3.2-2.el7.x86_64"), s);
  }

  @Test
  void archRulesPickTargetArchAndNoarchOnly() throws Exception {
    TestRepo r = new TestRepo();
    r.pkg("tool-1.0-1.aarch64").requires("libfoo", "data");
    r.pkg("tool-1.0-1.x86_64").requires("libfoo", "data");
    r.pkg("libfoo-1.0-1.aarch64");
    r.pkg("libfoo-2.0-1.i686");
    r.pkg("data-1.0-1.noarch");
    Repository repo = read(r, 99);
    assertEquals(Set.of("tool-1.0-1.aarch64", "libfoo-1.0-1.aarch64", "data-1.0-1.noarch"),
        nevras(new Solver().solve(List.of(repo), SolveRequest.of("aarch64", "tool"))));
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> new Solver().solve(List.of(repo), SolveRequest.of("x86_64", "tool")));
    assertTrue(e.problems().get(0).contains("tool cannot be installed") || e.problems().get(0).contains("libfoo"),
        e.getMessage());
    SolveRequest multilib = new SolveRequest(List.of(new Spec("tool")), "x86_64", true, Set.of(), false, true);
    assertEquals(Set.of("tool-1.0-1.x86_64", "libfoo-2.0-1.i686", "data-1.0-1.noarch"),
        nevras(new Solver().solve(List.of(repo), multilib)));
  }

  @Test
  void multilibInstallsBothArchesOfOneNameButNoarchExcludesBoth() throws Exception {
    // CentOS Stream 9 (partial metadata): python3-libproxy requires libproxy, only in i686; dnf installs glibc for
    // both arches, as rpm allows for a 32-bit and a 64-bit package of one name, and libstdc++.x86_64 though nothing
    // requires it: libsolv's infarch rule puts a 32-bit package beside the same version for the target arch.
    TestRepo r = new TestRepo();
    r.pkg("python3-libproxy-0.4.15-35.el9.noarch").requires("libproxy", "python3");
    r.pkg("libproxy-0.4.15-35.el9.i686").requires("libc.so.6", "libstdc++.so.6");
    r.pkg("libstdc++-11.2.1-9.1.el9.i686").provides("libstdc++.so.6");
    r.pkg("libstdc++-11.2.1-9.1.el9.x86_64").provides("libstdc++.so.6()(64bit)");
    r.pkg("libstdc++-11.2.1-8.el9.x86_64").provides("libstdc++.so.6()(64bit)");
    r.pkg("python3-3.9.10-1.el9.x86_64").requires("libc.so.6()(64bit)", "data");
    r.pkg("glibc-2.34-21.el9.i686").provides("libc.so.6");
    r.pkg("glibc-2.34-21.el9.x86_64").provides("libc.so.6()(64bit)");
    r.pkg("data-1.0-1.noarch");
    r.pkg("data-1.0-1.x86_64").requires("missing-so-never-chosen");
    SolveRequest multilib = new SolveRequest(List.of(new Spec("python3-libproxy")), "x86_64", true, Set.of(), false,
        true);
    assertEquals(Set.of("python3-libproxy-0.4.15-35.el9.noarch", "libproxy-0.4.15-35.el9.i686",
        "python3-3.9.10-1.el9.x86_64", "glibc-2.34-21.el9.i686", "glibc-2.34-21.el9.x86_64", "data-1.0-1.noarch",
        "libstdc++-11.2.1-9.1.el9.i686", "libstdc++-11.2.1-9.1.el9.x86_64"),
        nevras(new Solver().solve(List.of(read(r, 99)), multilib)));
    // a noarch and an x86_64 package of one name never coexist
    TestRepo both = new TestRepo();
    both.pkg("app-1.0-1.x86_64").requires("data-y", "data-x");
    both.pkg("data-1.0-1.noarch").provides("data-y");
    both.pkg("data-1.0-1.x86_64").provides("data-x");
    assertThrows(UnsatisfiableException.class, () -> new Solver().solve(List.of(read(both, 99)),
        new SolveRequest(List.of(new Spec("app")), "x86_64", true, Set.of(), false, true)));
  }

  @Test
  void obsoletingProviderWinsAndConflictsSteerTheChoice() throws Exception {
    TestRepo r = new TestRepo();
    r.pkg("docker-ce-3:20.10.12-3.el7.x86_64").requires("runc", "logger");
    r.pkg("runc-1.0.0-1.el7.x86_64");
    r.pkg("containerd.io-1.4.12-3.1.el7.x86_64").provides("runc").obsoletes("runc < 2");
    r.pkg("alogger-1.0-1.x86_64").provides("logger").conflicts("containerd.io");
    r.pkg("blogger-1.0-1.x86_64").provides("logger");
    assertEquals(Set.of("docker-ce-3:20.10.12-3.el7.x86_64", "containerd.io-1.4.12-3.1.el7.x86_64",
        "blogger-1.0-1.x86_64"), nevras(new Solver().solve(List.of(read(r, 99)),
        SolveRequest.of("x86_64", "docker-ce"))));
  }

  @Test
  void bareNameThatIsObsoletedInstallsTheObsoleterLikeDnf() throws Exception {
    // CentOS Stream 9: libomp obsoletes libomp-test < 18, so `dnf install libomp-test` installs libomp.
    TestRepo r = new TestRepo();
    r.pkg("libomp-test-16.0.6-1.el9.x86_64").requires("clang-missing");
    r.pkg("libomp-18.1.8-1.el9.x86_64").obsoletes("libomp-test < 18");
    r.pkg("tool-1.0-1.x86_64");
    r.pkg("tool-ng-2.0-1.x86_64").obsoletes("tool < 1.0");
    Resolution res = new Solver().solve(List.of(read(r, 99)), SolveRequest.of("x86_64", "libomp-test", "tool"));
    // tool-ng obsoletes only older tools than the newest one, so tool itself stays
    assertEquals(Set.of("libomp-18.1.8-1.el9.x86_64", "tool-1.0-1.x86_64"), nevras(res));
    assertTrue(res.toBundle().stream().anyMatch(p -> p.why().get(0).equals(
        "requested: libomp-test (libomp obsoletes libomp-test)")), res.toBundle().toString());
    // a versioned request means exactly that package, as in dnf
    Exception e = assertThrows(UnsatisfiableException.class, () -> new Solver().solve(List.of(read(r, 99)),
        SolveRequest.of("x86_64", "libomp-test-16.0.6-1.el9")));
    assertTrue(e.getMessage().contains("clang-missing"), e.getMessage());
  }

  @Test
  void aRequestForANameSeveralPackagesObsoleteIsMinimizedLikeAnyChoice() throws Exception {
    // CentOS Stream 9: tomcat, tomcat-el-3.0-api, tomcat-jsp-2.3-api and tomcat-lib all obsolete pki-servlet-engine.
    // libsolv takes tomcat (first by name), whose requirements bring tomcat-el-3.0-api too; minimized, dnf installs
    // tomcat-el-3.0-api alone (94 packages, not 133).
    TestRepo r = new TestRepo();
    r.pkg("pki-servlet-engine-1:9.0.50-1.el9.noarch");
    r.pkg("tomcat-1:9.0.87-2.el9.noarch").obsoletes("pki-servlet-engine").requires("tomcat-lib");
    r.pkg("tomcat-lib-1:9.0.87-2.el9.noarch").obsoletes("pki-servlet-engine").requires("tomcat-el-3.0-api");
    r.pkg("tomcat-el-3.0-api-1:9.0.87-2.el9.noarch").obsoletes("pki-servlet-engine");
    assertEquals(Set.of("tomcat-el-3.0-api-1:9.0.87-2.el9.noarch"), nevras(new Solver().solve(List.of(read(r, 99)),
        SolveRequest.of("x86_64", "pki-servlet-engine"))));
  }

  @Test
  void amongNamesProvidingOneVersionedCapabilityTheBetterVersionWinsLikeLibsolv() throws Exception {
    // CentOS Stream 9: mariadb-java-client requires (java-headless or java-11-headless); dnf takes java-17, which
    // provides java-headless = 1:17, over java-11 (strcmp order alone would pick java-11).
    TestRepo r = new TestRepo();
    r.pkg("mariadb-java-client-3.0.3-1.el9.noarch").requires("java-headless");
    r.pkg("java-11-openjdk-headless-1:11.0.20-2.el9.x86_64").provides("java-headless = 1:11");
    r.pkg("java-17-openjdk-headless-1:17.0.13-4.el9.x86_64").provides("java-headless = 1:17");
    r.pkg("java-1.8.0-openjdk-headless-1:1.8.0.412-1.el9.x86_64").provides("java-headless = 1:1.8.0");
    // a digest-like "version" says nothing about which is better: strcmp order stays
    r.pkg("app-1.0-1.x86_64").requires("engine");
    r.pkg("engine-a-1.0-1.x86_64").provides("engine", "engine-id = 0000aaaa");
    r.pkg("engine-b-1.0-1.x86_64").provides("engine", "engine-id = ffff0000");
    assertEquals(Set.of("mariadb-java-client-3.0.3-1.el9.noarch", "java-17-openjdk-headless-1:17.0.13-4.el9.x86_64",
        "app-1.0-1.x86_64", "engine-a-1.0-1.x86_64"), nevras(new Solver().solve(List.of(read(r, 99)),
        SolveRequest.of("x86_64", "mariadb-java-client", "app"))));
  }

  @Test
  void aChoiceMadeRedundantByALaterOneIsMinimizedAwayLikeLibsolv() throws Exception {
    // CentOS Stream 9: "kernel" is provided by kernel (first by name) and kernel-core; kernel requires kernel-core,
    // so dnf ends with kernel-core alone.
    TestRepo r = new TestRepo();
    r.pkg("appliance-1.0-1.x86_64").requires("kernel");
    r.pkg("kernel-5.14.0-55.el9.x86_64").requires("kernel-core-uname-r = 5.14.0-55.el9.x86_64",
        "kernel-modules-uname-r = 5.14.0-55.el9.x86_64");
    r.pkg("kernel-core-5.14.0-55.el9.x86_64").provides("kernel = 5.14.0-55.el9",
        "kernel-core-uname-r = 5.14.0-55.el9.x86_64");
    r.pkg("kernel-modules-5.14.0-55.el9.x86_64").provides("kernel-modules-uname-r = 5.14.0-55.el9.x86_64");
    assertEquals(Set.of("appliance-1.0-1.x86_64", "kernel-core-5.14.0-55.el9.x86_64"),
        nevras(new Solver().solve(List.of(read(r, 99)), SolveRequest.of("x86_64", "appliance"))));
  }

  @Test
  void richDependenciesFollowTheirConditions() throws Exception {
    TestRepo r = new TestRepo();
    r.pkg("app-1.0-1.x86_64").requires("(plugin if helper)", "(zlib-ng or zlib)", "(libx >= 2 with libx < 3)");
    r.pkg("helper-1.0-1.x86_64");
    r.pkg("plugin-1.0-1.x86_64");
    r.pkg("zlib-1.0-1.x86_64");
    r.pkg("zlib-ng-1.0-1.x86_64");
    r.pkg("libx-2.5-1.x86_64");
    r.pkg("libx-3.1-1.x86_64");
    Repository repo = read(r, 99);
    assertEquals(Set.of("app-1.0-1.x86_64", "zlib-1.0-1.x86_64", "libx-2.5-1.x86_64"),
        nevras(new Solver().solve(List.of(repo), SolveRequest.of("x86_64", "app"))));
    assertEquals(Set.of("app-1.0-1.x86_64", "helper-1.0-1.x86_64", "plugin-1.0-1.x86_64", "zlib-1.0-1.x86_64",
        "libx-2.5-1.x86_64"), nevras(new Solver().solve(List.of(repo), SolveRequest.of("x86_64", "app", "helper"))));
    SolveRequest el7 = new SolveRequest(List.of(new Spec("app")), "x86_64", false, Set.of(), false, false);
    UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
        () -> new Solver().solve(List.of(repo), el7));
    assertTrue(e.problems().get(0).startsWith("rich dependency (plugin if helper) of app-1.0-1.x86_64"),
        e.getMessage());
  }

  @Test
  void fileDependencyOutsidePrimaryComesFromFilelists() throws Exception {
    TestRepo r = new TestRepo();
    r.pkg("app-1.0-1.x86_64").requires("/usr/share/dict/words");
    r.pkg("words-3.0-1.noarch").files("/usr/share/dict/words");
    assertEquals(Set.of("app-1.0-1.x86_64", "words-3.0-1.noarch"),
        nevras(new Solver().solve(List.of(read(r, 99)), SolveRequest.of("x86_64", "app"))));
  }

  @Test
  void aBrokenFilelistsMattersOnlyForAPathNoOtherRepositoryProvides() throws Exception {
    TestRepo a = new TestRepo();
    a.pkg("app-1.0-1.x86_64").requires("/usr/share/dict/words");
    a.pkg("tool-1.0-1.x86_64").requires("/opt/only-in-a");
    a.pkg("a-files-1.0-1.noarch").files("/opt/only-in-a");
    Path broken = a.write(dir.resolve("broken"));
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(broken.resolve("repodata"))) {
      java.nio.file.Files.writeString(s.filter(f -> f.toString().endsWith("-filelists.xml.gz")).findFirst()
          .orElseThrow(), "not what repomd.xml says");
    }
    Repository ra = new RepoReader(HttpRepoClient.defaults()).read(new RepoConfig("a", broken.toString(), 99, null));
    TestRepo b = new TestRepo();
    b.pkg("words-3.0-1.noarch").files("/usr/share/dict/words");
    Repository rb = read(b, 99);
    assertEquals(Set.of("app-1.0-1.x86_64", "words-3.0-1.noarch"),
        nevras(new Solver().solve(List.of(ra, rb), SolveRequest.of("x86_64", "app"))));
    Exception e = assertThrows(io.kubeferry.bundler.rpm.repo.RepoException.class,
        () -> new Solver().solve(List.of(ra, rb), SolveRequest.of("x86_64", "tool")));
    assertTrue(e.getMessage().contains("filelists"), e.getMessage());
  }

  @Test
  void profileKeepsWhatTheTargetHasOutOfTheBundle() throws Exception {
    List<Repository> repos = List.of(read(kubernetes(), 99), read(base(), 99));
    List<Spec> specs = new ArrayList<>();
    for (String s : List.of("kubeadm-1.23.1-0", "kubelet-1.23.1-0", "kubectl-1.23.1-0")) {
      specs.add(new Spec(s));
    }
    Set<String> onTarget = Set.of("bash", "libnetfilter_cthelper", "openssh");
    Resolution r = new Solver().solve(repos, new SolveRequest(specs, "x86_64", false, onTarget, false, false));
    Set<String> bundle = nevras(r);
    assertTrue(!bundle.contains("bash-4.2.46-35.el7.x86_64") && bundle.contains("socat-1.7.3.2-2.el7.x86_64"),
        bundle.toString());
    assertEquals(2, r.packages().stream().filter(ResolvedPackage::onTarget).count(),
        "bash and libnetfilter_cthelper are part of the closure but on the target; openssh is not needed");
    Resolution full = new Solver().solve(repos, new SolveRequest(specs, "x86_64", false, onTarget, true, false));
    assertEquals(bundle.size() + 2, nevras(full).size());
  }
}
