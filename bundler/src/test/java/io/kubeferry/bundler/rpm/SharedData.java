package io.kubeferry.bundler.rpm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared test data: {@code <repo root>/../shared}. In a git worktree the repository root's sibling is
 * looked up next to the main clone (found through the worktree's {@code .git} file), so no absolute path is
 * hard-coded. Tests skip with a clear message when it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared directory, or empty. */
  public static Optional<Path> sharedDir() {
    Path root = repoRoot();
    Path direct = root.resolve("../shared").normalize();
    if (Files.isDirectory(direct)) {
      return Optional.of(direct);
    }
    Path git = root.resolve(".git");
    if (Files.isRegularFile(git)) {
      try {
        String line = Files.readString(git).trim();
        if (line.startsWith("gitdir:")) {
          // <main>/.git/worktrees/<name> -> <main>/../shared
          Path main = Path.of(line.substring(7).trim()).getParent().getParent().getParent();
          Path shared = main.resolve("../shared").normalize();
          if (Files.isDirectory(shared)) {
            return Optional.of(shared);
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A path under the shared directory; skips the calling test when it is missing. */
  public static Path require(String relative) {
    Optional<Path> shared = sharedDir();
    assumeTrue(shared.isPresent() && Files.exists(shared.get().resolve(relative)),
        "shared test data " + relative + " not found next to the repository (<repo root>/../shared); skipping");
    return shared.get().resolve(relative);
  }

  /** The directory holding the root pom (the module directory's parent when run by Maven). */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("core")) && Files.isDirectory(p.resolve("bundler"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
      p = p.getParent();
    }
    return Path.of("").toAbsolutePath();
  }
}
