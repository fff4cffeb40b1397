package io.kubeferry.bundler.rpm.repo;

import java.nio.file.Path;
import java.util.List;

/** What {@link RepodataWriter} wrote: the repodata dir, the packages in href order, the records, signed or not. */
public record RepodataResult(Path repodata, List<IndexedPackage> packages, List<RepomdRecord> records,
    boolean signed) {
  public RepodataResult {
    packages = List.copyOf(packages);
    records = List.copyOf(records);
  }
}
