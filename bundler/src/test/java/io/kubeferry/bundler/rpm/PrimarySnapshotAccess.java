package io.kubeferry.bundler.rpm;

import java.nio.file.Path;
import java.util.Map;
import org.w3c.dom.Document;

/** Test-only bridge so tests in subpackages can use {@link PrimarySnapshot}. */
public final class PrimarySnapshotAccess {
  private PrimarySnapshotAccess() {}

  public static Map<String, Map<String, String>> of(Path repoDir) throws Exception {
    return PrimarySnapshot.of(repoDir);
  }

  public static Document metadata(Path repoDir, String type) throws Exception {
    return PrimarySnapshot.metadata(repoDir, type);
  }
}
