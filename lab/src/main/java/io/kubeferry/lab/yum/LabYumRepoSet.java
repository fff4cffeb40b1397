package io.kubeferry.lab.yum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three lab repositories on disk (read-only: shared cache, do not modify — copy first). {@code root()/<id>} is
 * each repository's base directory.
 */
public record LabYumRepoSet(Path root, LabGpgKey key) {

  /** The base directory of {@code repo} (contains {@code repodata/} and {@code Packages/}). */
  public Path dir(LabRepo repo) {
    return root.resolve(repo.id());
  }

  /** The RPM files of {@code repo}, sorted by file name. */
  public List<Path> rpms(LabRepo repo) throws IOException {
    try (Stream<Path> s = Files.list(dir(repo).resolve("Packages"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".rpm")).sorted().toList();
    }
  }

  /** The RPM of {@code repo} whose file name ends with {@code nameVersionReleaseArch + ".rpm"}. */
  public Path rpm(LabRepo repo, String nameVersionReleaseArch) throws IOException {
    String suffix = nameVersionReleaseArch + ".rpm";
    return rpms(repo).stream()
        .filter(p -> p.getFileName().toString().equals(suffix) || p.getFileName().toString().endsWith("-" + suffix))
        .filter(p -> {
          String f = p.getFileName().toString();
          return f.equals(suffix) || f.substring(0, f.length() - suffix.length() - 1).matches("[0-9a-f]{64}");
        })
        .findFirst()
        .orElseThrow(() -> new IOException("no lab RPM " + suffix + " in repo " + repo.id()));
  }
}
