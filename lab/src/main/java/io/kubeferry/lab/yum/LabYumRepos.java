package io.kubeferry.lab.yum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

  /** Builds (or reuses from the cache) the repos and serves them on 127.0.0.1:&lt;free port&gt;. */
  public static LabYumRepos start() throws IOException {
    LabYumRepoSet set = LabYumRepoBuilder.buildOrReuse();
    return new LabYumRepos(set, LabHttpFileServer.start(set.root()));
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
  }
}
