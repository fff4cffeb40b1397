package io.kubeferry.cli.boundary;

import io.kubeferry.lab.node.ExecResult;
import io.kubeferry.lab.node.LabNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lab preparation, not a product step: the lab nodes are Debian containers with an empty rpm database, while a bundle
 * leaves out what the target OS profile says every minimal install already has (bash, systemd, iptables, ...).
 * Registering exactly those of the lab's base-repository packages in a node's rpm database ({@code rpm --justdb}: no
 * file on the node changes) makes the node look like a minimal host of that profile to dnf, as real targets are.
 */
final class BaseOsRpmdb {
  private BaseOsRpmdb() {}

  static void register(LabNode node, Path labRepos, String profile) throws Exception {
    Set<String> names = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("..", "bundler", "src", "main", "resources", "io", "kubeferry",
        "bundler", "rpm", "profiles", profile + ".txt"))) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && !l.contains("=")) {
        names.add(l);
      }
    }
    List<Path> chosen = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (Stream<Path> s = Files.list(labRepos.resolve("base/Packages"))) {
      for (Path rpm : s.filter(p -> p.toString().endsWith(".rpm")).sorted().toList()) {
        String[] nameArch = run("rpm", "-qp", "--nosignature", "--qf", "%{NAME} %{ARCH}", rpm.toString()).split(" ");
        // one version per name (the first in file order) and no 32-bit twin: a host has one iptables installed
        if (names.contains(nameArch[0]) && !nameArch[1].equals("i686") && seen.add(nameArch[0])) {
          chosen.add(rpm);
        }
      }
    }
    if (chosen.isEmpty()) {
      throw new IOException("no " + profile + "-profile package found in " + labRepos.resolve("base"));
    }
    node.exec("sh", "-c", "rm -rf /var/tmp/kf-base && mkdir -p /var/tmp/kf-base");
    for (Path rpm : chosen) {
      run("docker", "cp", rpm.toString(), node.containerName() + ":/var/tmp/kf-base/");
    }
    ExecResult r = node.exec("sh", "-c", "rpm -i --justdb --noscripts --nosignature --replacepkgs /var/tmp/kf-base/*.rpm"
        + " && rm -rf /var/tmp/kf-base");
    if (r.exitCode() != 0) {
      throw new IOException("rpm --justdb failed on " + node.hostname() + ": " + r.stderr());
    }
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }
}
