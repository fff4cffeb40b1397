package io.kubeferry.bundler.rpm;

import java.nio.file.Path;
import java.util.Map;

/** Test-only bridge so tests in subpackages can use {@link PrimarySnapshot}. */
public final class PrimarySnapshotAccess {
  private PrimarySnapshotAccess() {}

  public static Map<String, Map<String, String>> of(Path repoDir) throws Exception {
    return PrimarySnapshot.of(repoDir);
  }
}
