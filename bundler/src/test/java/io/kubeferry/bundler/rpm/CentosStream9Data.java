package io.kubeferry.bundler.rpm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real CentOS Stream 9 yum metadata checked in at {@code <repo root>/testdata/centos-stream9} (origin, licence
 * and checksums in its README). It lives at the repository root rather than under {@code src/test/resources}
 * because the scripts use it as well and the tests read it as a directory, never from the classpath. It is part of
 * every checkout, so a test that needs it fails, never skips, when it cannot be found.
 */
public final class CentosStream9Data {
  private CentosStream9Data() {}

  /** The directory holding {@code baseos/} and {@code appstream/}. */
  public static Path dir() {
    Path dir = repoRoot().resolve("testdata/centos-stream9");
    if (!Files.isDirectory(dir.resolve("baseos/repodata")) || !Files.isDirectory(dir.resolve("appstream/repodata"))) {
      throw new IllegalStateException("could not find the CentOS Stream 9 test data: no baseos/ and appstream/ under "
          + dir + " (it is checked in; run the tests from inside the repository)");
    }
    return dir;
  }

  /** The BaseOS repository root (the directory holding {@code repodata/}). */
  public static Path baseos() {
    return dir().resolve("baseos");
  }

  /** The AppStream repository root, whose filelists are a stub that does not match {@code repomd.xml}. */
  public static Path appstream() {
    return dir().resolve("appstream");
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
