package io.kubeferry.core.pack;

import io.kubeferry.core.Digest;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gathers the bundle's files under their bundle paths (sorted, unique) and hashes them on all cores.
 * Not thread-safe; used once per build.
 */
final class ContentCollector {
  private static final Pattern BLOB = Pattern.compile(
      Pattern.quote(BundleLayout.IMAGES) + "blobs/sha256/([0-9a-f]{64})");

  private final TreeMap<String, PackEntry> entries = new TreeMap<>();

  /** Adds every regular file under {@code dir} (links followed) below {@code prefix}. */
  void addTree(String prefix, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a directory (bundle part " + prefix + ")");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      add(PackEntry.ofFile(prefix + rel, f, executable(f)));
    }
  }

  void addFile(String path, Path file, boolean executable) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "not a regular file (bundle path " + path + ")");
    }
    add(PackEntry.ofFile(path, file, executable));
  }

  void add(PackEntry e) {
    if (entries.putIfAbsent(e.path(), e) != null) {
      throw new IllegalArgumentException("two inputs give the same bundle path " + e.path());
    }
  }

  /**
   * Marks a collected file as already hashed elsewhere (the repodata writer hashed every RPM): it is not read here,
   * and the packer checks the claim while streaming it.
   */
  void expect(String path, Digest digest) {
    PackEntry e = entries.get(path);
    if (e == null || e.file() == null) {
      throw new IllegalArgumentException("no collected file at " + path + " to expect " + digest + " of");
    }
    entries.put(path, e.expecting(digest));
  }

  /** All entries, sorted by bundle path. */
  List<PackEntry> entries() {
    return new ArrayList<>(entries.values());
  }

  long totalBytes() throws IOException {
    long n = 0;
    for (PackEntry e : entries.values()) {
      n += e.file() != null ? Files.size(e.file()) : e.bytes().length;
    }
    return n;
  }

  /**
   * sha256 and size of every entry, keyed by bundle path, hashed in parallel. Image blobs are named by their
   * digest: they are not read here but marked so the packer checks the claim while streaming them (one read
   * instead of two; a mismatch fails the build).
   */
  Map<String, FileEntry> hash() throws IOException {
    for (Map.Entry<String, PackEntry> e : entries.entrySet()) {
      Matcher m = BLOB.matcher(e.getKey());
      if (m.matches() && e.getValue().file() != null) {
        e.setValue(e.getValue().expecting(Digest.sha256Hex(m.group(1))));
      }
    }
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kubeferry-hash");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, Future<FileEntry>> futures = new TreeMap<>();
      for (PackEntry e : entries.values()) {
        futures.put(e.path(), pool.submit(() -> hash(e)));
      }
      Map<String, FileEntry> out = new TreeMap<>();
      for (Map.Entry<String, Future<FileEntry>> f : futures.entrySet()) {
        out.put(f.getKey(), f.getValue().get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("hashing interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static FileEntry hash(PackEntry e) throws IOException {
    if (e.expected() != null) {
      return new FileEntry(e.path(), e.expected(), Files.size(e.file()), e.executable());
    }
    if (e.bytes() != null) {
      return new FileEntry(e.path(), Digest.sha256Of(e.bytes()), e.bytes().length, e.executable());
    }
    MessageDigest sha = Digest.newSha256();
    byte[] buf = new byte[1 << 17];
    long size = 0;
    try (InputStream in = Files.newInputStream(e.file())) {
      for (int n; (n = in.read(buf)) > 0; size += n) {
        sha.update(buf, 0, n);
      }
    }
    return new FileEntry(e.path(), Digest.sha256Hex(HexFormat.of().formatHex(sha.digest())), size, e.executable());
  }

  private static boolean executable(Path f) throws IOException {
    return Files.getPosixFilePermissions(f).contains(PosixFilePermission.OWNER_EXECUTE);
  }

}
