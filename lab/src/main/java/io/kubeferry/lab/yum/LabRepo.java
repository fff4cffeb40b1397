package io.kubeferry.lab.yum;

/** The three lab yum repositories and how their files are laid out. */
public enum LabRepo {
  /** Legacy Google/aliyun kubernetes-el7 layout: {@code Packages/<sha256>-name-v-r.arch.rpm}. */
  KUBERNETES("kubernetes", true),
  /** download.docker.com layout: {@code Packages/name-v-r.arch.rpm}. */
  DOCKER_CE("docker-ce", false),
  /** Stands in for CentOS 7 base + extras. */
  BASE("base", false);

  private final String id;
  private final boolean sha256Prefixed;

  LabRepo(String id, boolean sha256Prefixed) {
    this.id = id;
    this.sha256Prefixed = sha256Prefixed;
  }

  /** Directory name, URL path segment and {@code repo} value in packages.yaml. */
  public String id() {
    return id;
  }

  /** Whether package files carry their sha256 as a name prefix. */
  public boolean sha256Prefixed() {
    return sha256Prefixed;
  }

  /** The repo with this id. */
  public static LabRepo of(String id) {
    for (LabRepo r : values()) {
      if (r.id.equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown lab repo '" + id + "' (expected kubernetes, docker-ce or base)");
  }
}
