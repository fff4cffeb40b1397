package io.kubeferry.bundler.rpm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks real dnf what it would install into an empty {@code --installroot} ({@code install --assumeno}), without
 * weak dependencies, and parses the transaction table into NEVRAs. The reference our solver is compared with.
 */
public final class DnfOracle {
  private static final Set<String> ARCHES = Set.of("x86_64", "noarch", "i686", "aarch64");
  private final Map<String, Path> repos;
  private final Path work;
  private final String arch;

  /** @param repos repo id to repository root directory, in priority order */
  public DnfOracle(Map<String, Path> repos, Path work, String arch) {
    this.repos = repos;
    this.work = work;
    this.arch = arch;
  }

  /**
   * The NEVRAs ({@code name-[epoch:]version-release.arch}) dnf would install for the specs; empty when dnf
   * reports the request as unsatisfiable.
   */
  public java.util.Optional<Set<String>> install(List<String> specs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("dnf", "--setopt=reposdir=/dev/null", "--releasever=9",
        "--installroot=" + work.resolve("root"), "--setopt=cachedir=" + work.resolve("cache"),
        "--setopt=install_weak_deps=False", "--forcearch=" + arch, "--setopt=keepcache=0",
        "--disableplugin=*", "--assumeno"));
    for (Map.Entry<String, Path> e : repos.entrySet()) {
      cmd.add("--repofrompath=" + e.getKey() + "," + e.getValue().toUri());
      cmd.add("--setopt=" + e.getKey() + ".gpgcheck=0");
    }
    cmd.add("install");
    cmd.addAll(specs);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "dnf is not installed (apt-get install dnf): " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Files.writeString(work.resolve("dnf-" + String.join("_", specs).replaceAll("[^A-Za-z0-9._-]", "_")
        .substring(0, Math.min(60, String.join("_", specs).length())) + ".txt"), out);
    if (!out.contains("Transaction Summary") && out.contains("\nError: ")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(parse(out));
  }

  /** Parses dnf's transaction table (wrapped lines included): the token before an arch is the name. */
  static Set<String> parse(String out) {
    int start = out.indexOf("\nInstalling");
    int end = out.indexOf("Transaction Summary");
    int skipped = out.indexOf("\nSkipping packages");
    if (skipped > start && skipped < end) {
      end = skipped;
    }
    if (start < 0 || end < 0) {
      throw new IllegalStateException("dnf did not show a transaction:\n" + out);
    }
    List<String> tokens = new ArrayList<>();
    for (String line : out.substring(start, end).split("\n")) {
      if (line.isBlank() || line.endsWith(":") || line.startsWith("=")) {
        continue;
      }
      tokens.addAll(List.of(line.trim().split("\\s+")));
    }
    Set<String> result = new TreeSet<>();
    for (int i = 1; i + 2 < tokens.size(); i++) {
      if (ARCHES.contains(tokens.get(i))) {
        result.add(tokens.get(i - 1) + "-" + tokens.get(i + 1) + "." + tokens.get(i));
      }
    }
    return result;
  }
}
