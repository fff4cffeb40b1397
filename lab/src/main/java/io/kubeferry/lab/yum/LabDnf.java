package io.kubeferry.lab.yum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Drives the real {@code dnf} against an installroot with only the given repo definitions (host repos and config
 * ignored): EL7 release, no docs, no weak deps. Used by tests as the reference client.
 */
public final class LabDnf {
  private final Path installRoot;
  private final Path confDir;

  private LabDnf(Path installRoot, Path confDir) {
    this.installRoot = installRoot;
    this.confDir = confDir;
  }

  /** Prepares {@code work}/root as installroot and {@code work}/conf holding {@code repoFileText} as lab.repo. */
  public static LabDnf in(Path work, String repoFileText) throws IOException {
    Path root = Files.createDirectories(work.resolve("root"));
    Path conf = Files.createDirectories(work.resolve("conf"));
    Files.createDirectories(conf.resolve("repos.d"));
    Files.writeString(conf.resolve("repos.d/lab.repo"), repoFileText);
    Files.writeString(conf.resolve("dnf.conf"), "[main]\ngpgcheck=1\nkeepcache=0\nplugins=0\n");
    return new LabDnf(root, conf);
  }

  /** The installroot. */
  public Path installRoot() {
    return installRoot;
  }

  /** {@code dnf -y install specs...}; returns the outcome whatever the exit code. */
  public Processes.Outcome install(List<String> specs) throws IOException {
    List<String> args = new ArrayList<>();
    args.add("install");
    args.addAll(specs);
    return run(args);
  }

  /** Runs any dnf subcommand with the same root and repos (e.g. repoquery). */
  public Processes.Outcome run(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(base());
    cmd.addAll(args);
    try {
      return Processes.run(cmd, Map.of(), null, 600);
    } finally {
      stopRepoGpgAgents();
    }
  }

  /** repo_gpgcheck makes dnf start a gpg-agent per repo keyring; stop exactly those. */
  private void stopRepoGpgAgents() throws IOException {
    for (Path cache : List.of(confDir.resolve("cache"), installRoot.resolve("var/cache/dnf"))) {
      if (!Files.isDirectory(cache)) {
        continue;
      }
      try (var repos = Files.list(cache)) {
        for (Path ring : repos.map(r -> r.resolve("pubring")).filter(Files::isDirectory).toList()) {
          Processes.run(List.of("gpgconf", "--homedir", ring.toString(), "--kill", "gpg-agent"), Map.of(), null, 30);
        }
      }
    }
  }

  private List<String> base() {
    return List.of("dnf", "-y", "-q", "-c", confDir.resolve("dnf.conf").toString(),
        "--installroot=" + installRoot, "--setopt=reposdir=" + confDir.resolve("repos.d"),
        "--setopt=cachedir=" + confDir.resolve("cache"), "--releasever=7", "--nodocs",
        "--setopt=install_weak_deps=False", "--setopt=tsflags=nodocs");
  }

  /** Installed packages as {@code name-[epoch:]version-release.arch}, sorted; gpg-pubkey entries left out. */
  public TreeSet<String> installed() throws IOException {
    String out = Processes.check(List.of("rpm", "--root", installRoot.toString(), "-qa", "--qf",
        "%{NAME}-%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}.%{ARCH}\\n"), Map.of(), null, 120);
    TreeSet<String> set = new TreeSet<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank() && !l.startsWith("gpg-pubkey-")) {
        set.add(l.trim());
      }
    }
    return set;
  }
}
