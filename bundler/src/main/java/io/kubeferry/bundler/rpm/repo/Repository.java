package io.kubeferry.bundler.rpm.repo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A read repository: its packages (modular packages of non-enabled streams already removed, as dnf hides them),
 * indexed, and access to its filelists for file dependencies outside primary's file subset.
 *
 * @param priority lower numbers win, like yum's {@code priority=} (default 99)
 */
public record Repository(String id, int priority, PackageIndex index, FilelistsLoader filelists) {
  public Repository {
    Objects.requireNonNull(index, "index");
  }

  /** A repository of already parsed packages (they are indexed here). */
  public Repository(String id, int priority, List<RpmPackage> packages, FilelistsLoader filelists) {
    this(id, priority, PackageIndex.of(id, packages), filelists);
  }

  /** The packages, unmodifiable; decoded from the index as they are read. */
  public List<RpmPackage> packages() {
    return index.packages();
  }

  /** Loads, on demand, which packages own some file paths. */
  @FunctionalInterface
  public interface FilelistsLoader {
    /**
     * Returns for each of {@code paths} the packages of this repository (by checksum) that contain it; paths no
     * package has are absent. Throws when the filelists file is missing or fails its checksums.
     */
    Map<String, List<String>> ownersByChecksum(Set<String> paths) throws RepoException;
  }
}
