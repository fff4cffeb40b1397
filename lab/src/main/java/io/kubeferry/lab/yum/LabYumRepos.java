package io.kubeferry.lab.yum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The lab's three yum repositories (kubernetes, docker-ce, base) built once and served over HTTP on loopback.
 * Usage: {@code try (LabYumRepos lab = LabYumRepos.start()) { lab.kubernetesUrl() ... }}. Every repo has
 * {@code repodata/repomd.xml.asc}, {@code repodata/repomd.xml.key} and {@code RPM-GPG-KEY}; every RPM is signed by
 * {@link #gpgKey()}. The files on disk are a shared cache: do not modify them. Thread-safe.
 */
public final class LabYumRepos implements AutoCloseable {
  /** The public key as served, both on disk and as armored text. */
  public record GpgPublicKey(Path path, String armored) {}

  private final LabYumRepoSet repos;
  private final LabHttpFileServer server;

  private LabYumRepos(LabYumRepoSet repos, LabHttpFileServer server) {
    this.repos = repos;
    this.server = server;
  }

  /**
   * The upstream paths the lab's repositories answer at, so that {@code bundle build}'s default sources for
   * Kubernetes 1.23 (and the lab's 1.24 packages) on el7 reach them through a host-level URL map: path under the
   * upstream host → lab repository path. CentOS 7's os, updates and extras repositories are all the lab's base.
   */
  static final Map<String, String> STAND_INS = Map.ofEntries(
      Map.entry("/mirrors.aliyun.com/kubernetes/yum/repos/kubernetes-el7-x86_64/", "/kubernetes/"),
      Map.entry("/mirrors.aliyun.com/kubernetes/yum/repos/kubernetes-el7-aarch64/", "/kubernetes/"),
      Map.entry("/mirrors.aliyun.com/kubernetes/yum/doc/rpm-package-key.gpg", "/kubernetes/RPM-GPG-KEY"),
      Map.entry("/mirrors.aliyun.com/kubernetes/yum/doc/yum-key.gpg", "/kubernetes/RPM-GPG-KEY"),
      Map.entry("/pkgs.k8s.io/core:/stable:/v1.24/rpm/repodata/repomd.xml.key", "/kubernetes/RPM-GPG-KEY"),
      Map.entry("/pkgs.k8s.io/core:/stable:/v1.24/rpm/", "/kubernetes/"),
      Map.entry("/download.docker.com/linux/centos/7/x86_64/stable/", "/docker-ce/"),
      Map.entry("/download.docker.com/linux/centos/7/aarch64/stable/", "/docker-ce/"),
      Map.entry("/download.docker.com/linux/centos/gpg", "/docker-ce/RPM-GPG-KEY"),
      Map.entry("/vault.centos.org/7.9.2009/os/x86_64/", "/base/"),
      Map.entry("/vault.centos.org/7.9.2009/updates/x86_64/", "/base/"),
      Map.entry("/vault.centos.org/7.9.2009/extras/x86_64/", "/base/"),
      Map.entry("/vault.centos.org/RPM-GPG-KEY-CentOS-7", "/base/RPM-GPG-KEY"));

  /** The upstream hosts the lab stands in for. */
  static final List<String> HOSTS = List.of("mirrors.aliyun.com", "pkgs.k8s.io", "download.docker.com",
      "vault.centos.org");

  /** Builds (or reuses from the cache) the repos and serves them on 127.0.0.1:&lt;free port&gt;. */
  public static LabYumRepos start() throws IOException {
    LabYumRepoSet set = LabYumRepoBuilder.buildOrReuse();
    LabHttpFileServer server = LabHttpFileServer.start(set.root());
    STAND_INS.forEach(server::alias);
    return new LabYumRepos(set, server);
  }

  /**
   * URL-map rules ({@code FROM=TO}, as {@code bundle build --url-map} takes them) that send every default source
   * on the upstream hosts the lab stands in for to the lab: {@code https://download.docker.com/} becomes
   * {@code http://127.0.0.1:PORT/download.docker.com/}.
   */
  public List<String> urlMap() {
    return HOSTS.stream().map(h -> "https://" + h + "/=" + server.baseUri().resolve(h + "/")).toList();
  }

  /** Base URL of {@code repo}, ending with '/'. */
  public URI url(LabRepo repo) {
    return server.baseUri().resolve(repo.id() + "/");
  }

  /** Base URL of the kubernetes repo (kubeadm, kubelet, kubectl, kubernetes-cni, cri-tools). */
  public URI kubernetesUrl() {
    return url(LabRepo.KUBERNETES);
  }

  /** Base URL of the docker-ce repo. */
  public URI dockerCeUrl() {
    return url(LabRepo.DOCKER_CE);
  }

  /** Base URL of the base-OS repo. */
  public URI baseUrl() {
    return url(LabRepo.BASE);
  }

  /** The repositories on disk (RPM files, repodata). */
  public LabYumRepoSet repos() {
    return repos;
  }

  /** The key that signed every RPM and repomd.xml. */
  public LabGpgKey gpgKey() {
    return repos.key();
  }

  /** The public key file ({@code <repo>/RPM-GPG-KEY}, same for all three) and its armored text. */
  public GpgPublicKey gpgPublicKey() {
    Path p = repos.dir(LabRepo.BASE).resolve("RPM-GPG-KEY");
    try {
      return new GpgPublicKey(p, Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The GNUPGHOME holding the lab's secret key (for tests that sign with gpg). */
  public Path gnupgHome() {
    return repos.key().gnupgHome();
  }

  /** The HTTP server, for request counts and fault injection. */
  public LabHttpFileServer server() {
    return server;
  }

  /** Requests seen for URL path {@code path}, e.g. {@code /kubernetes/repodata/repomd.xml}. */
  public int requestCount(String path) {
    return server.requestCount(path);
  }

  /**
   * A dnf/yum {@code .repo} file text for the given repos with gpgcheck and repo_gpgcheck on, section names
   * {@code lab-<id>}.
   */
  public String repoFile(List<LabRepo> which) {
    StringBuilder s = new StringBuilder();
    for (LabRepo r : which) {
      s.append('[').append("lab-").append(r.id()).append("]\n")
          .append("name=kubeferry lab ").append(r.id()).append('\n')
          .append("baseurl=").append(url(r)).append('\n')
          .append("enabled=1\ngpgcheck=1\nrepo_gpgcheck=1\n")
          .append("gpgkey=").append(url(r)).append("RPM-GPG-KEY\n\n");
    }
    return s.toString();
  }

  @Override
  public void close() {
    server.close();
    repos.key().stopAgent();
  }
}
