package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parsed and indexed primary metadata kept on disk ({@code <root>/primary-<checksum>[.modules-<checksum>].bin}),
 * like dnf's .solv cache: a rebuild whose (re-verified) repomd.xml lists the same primary and modules maps the
 * {@link PackageIndex} from its {@link IndexFile} instead of parsing the XML and indexing again. A damaged or foreign
 * file (the CRC32C guards against damage, like dnf's .solv files; the cache directory is as trusted as the RPM
 * cache) is ignored and rewritten. Written atomically, in the background. Thread-safe (files are immutable once
 * renamed).
 */
public final class MetadataCache {
  private static final String ALGO = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdefABCDEF";
  private final Path root;
  private final List<Thread> writers = new ArrayList<>();

  public MetadataCache(Path root) {
    this.root = root;
  }

  /** The default location, {@code $XDG_CACHE_HOME/kubeferry/repodata} or {@code ~/.cache/kubeferry/repodata}. */
  public static MetadataCache defaultCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new MetadataCache(base.resolve("kubeferry").resolve("repodata"));
  }

  /**
   * The cache file for what the index is made of: primary and modules, named by their checksums from repomd.xml
   * (verified against the repository key when one is configured; primary's is checked when it is parsed). Keying
   * on them, not on repomd.xml, also keeps the cache across repomd changes that leave primary alone, and needs no
   * hashing (a SHA-256 engine costs a short resolve ~20 ms to set up). Empty when a checksum is not plain hex.
   */
  private Optional<Path> file(RepoMd repomd) {
    StringBuilder name = new StringBuilder();
    for (String type : List.of("primary", "modules")) {
      Optional<RepoMd.Entry> e = repomd.entry(type);
      if (e.isPresent()) {
        String c = e.get().checksum();
        int colon = c.indexOf(':');
        if (colon < 1 || c.length() - colon - 1 < 32 || !plain(c.substring(0, colon), ALGO)
            || !plain(c.substring(colon + 1), HEX)) {
          return Optional.empty(); // a name made of repository text must not leave the cache directory
        }
        name.append(type).append('-').append(c, 0, colon).append('-').append(c, colon + 1, c.length()).append('.');
      }
    }
    return Optional.of(root.resolve(name.append("bin").toString()));
  }

  private static boolean plain(String s, String allowed) {
    for (int i = 0; i < s.length(); i++) {
      if (allowed.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The index stored for this primary (and modules), relabelled with {@code repoId}; empty if absent or damaged. */
  Optional<PackageIndex> load(RepoMd repomd, String repoId) {
    Path f = file(repomd).orElse(null);
    return f == null || !Files.isRegularFile(f) ? Optional.empty() : IndexFile.read(f, repoId);
  }

  /**
   * Stores the index on a background thread, so that a cold resolve does not wait for the write; failures are
   * ignored (the cache is an optimisation). {@link #awaitWrites} waits for it.
   */
  void store(RepoMd repomd, PackageIndex index) {
    Thread t = new Thread(() -> write(repomd, index), "metadata-cache-writer");
    t.setDaemon(true);
    synchronized (writers) {
      writers.add(t);
    }
    t.start();
  }

  /**
   * Waits until every index handed to this cache so far is on disk (or given up). Call it before the JVM exits:
   * writes run on daemon threads, and one cut short leaves only a temporary file behind, never a partial cache file.
   */
  public void awaitWrites() throws InterruptedException {
    while (true) {
      Thread t;
      synchronized (writers) {
        if (writers.isEmpty()) {
          return;
        }
        t = writers.get(0);
      }
      t.join();
      synchronized (writers) {
        writers.remove(t);
      }
    }
  }

  private void write(RepoMd repomd, PackageIndex index) {
    Path f = file(repomd).orElse(null);
    Path tmp = null;
    try {
      if (f == null) {
        return;
      }
      Files.createDirectories(root);
      tmp = Files.createTempFile(root, ".repodata", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        IndexFile.write(ch, index);
      }
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // not cached this time
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }
}
