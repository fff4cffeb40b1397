package io.kubeferry.bundler.rpm.download;

import io.kubeferry.bundler.rpm.repo.RepoSource;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import io.kubeferry.core.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Downloads packages into the {@link RpmCache} in parallel: resumes a partial file with a ranged request, checks
 * the sha256 from primary.xml while streaming, runs the {@link RpmVerifier} (header signature), and only then
 * renames the file into the cache atomically. A package already cached is re-hashed, not re-downloaded. Every
 * failure is reported together. Thread-safe.
 */
public final class RpmDownloader {
  private static final int RESUME_ATTEMPTS = 4;
  private final Map<String, RepoSource> sources;
  private final RpmCache cache;
  private final RpmVerifier verifier;
  private final int parallelism;
  private final boolean deferred;

  /**
   * @param sources repository id to source, for each package's {@code repoId}
   * @param parallelism number of simultaneous downloads (at least 1)
   */
  public RpmDownloader(Map<String, RepoSource> sources, RpmCache cache, RpmVerifier verifier, int parallelism) {
    this(sources, cache, verifier, parallelism, false);
  }

  private RpmDownloader(Map<String, RepoSource> sources, RpmCache cache, RpmVerifier verifier, int parallelism,
      boolean deferred) {
    this.sources = Map.copyOf(sources);
    this.cache = cache;
    this.verifier = verifier;
    this.parallelism = Math.max(1, parallelism);
    this.deferred = deferred;
  }

  /**
   * A downloader that leaves the checks of cached files to its caller: new downloads are still checked against
   * their sha256 while streaming, but a cached file is returned without being read, and no signature is checked
   * here. For {@code bundle build}, which reads every package once afterwards to index it and checks its sha256
   * and signature in that same pass (reading each file twice more here would triple the I/O).
   */
  public static RpmDownloader deferringChecks(Map<String, RepoSource> sources, RpmCache cache, int parallelism) {
    return new RpmDownloader(sources, cache, null, parallelism, true);
  }

  /** Returns the cached file of each package, in input order. */
  public List<Path> download(List<RpmPackage> packages) throws RpmDownloadException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, packages.size())), r -> {
      Thread t = new Thread(r, "rpm-download");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Path>> futures = new ArrayList<>();
      for (RpmPackage p : packages) {
        futures.add(pool.submit(() -> fetch(p)));
      }
      List<Path> out = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          problems.add(c instanceof RpmDownloadException ? c.getMessage()
              : "could not download " + packages.get(i).nevra() + ": " + c.getMessage());
        }
      }
      if (!problems.isEmpty()) {
        throw new RpmDownloadException(problems);
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Path fetch(RpmPackage p) throws IOException, RpmDownloadException {
    Path target = cache.file(p);
    String expected = RpmCache.hex(p);
    if (Files.exists(target) && (deferred || expected.equals(sha256(target)))) {
      return target;
    }
    RepoSource source = sources.get(p.repoId());
    if (source == null) {
      throw new RpmDownloadException("could not download " + p.nevra() + ": unknown repository " + p.repoId());
    }
    Path part = cache.partial(p);
    Files.createDirectories(part.getParent());
    Files.createDirectories(target.getParent());
    MessageDigest md = Digest.newSha256();
    long offset = Files.exists(part) ? Files.size(part) : 0;
    if (offset > 0) {
      try (InputStream old = Files.newInputStream(part)) {
        feed(old, md, OutputStream.nullOutputStream());
      }
    }
    // A connection cut short (proxy, network) leaves a short file: resume it with a ranged request.
    for (int attempt = 0; attempt < RESUME_ATTEMPTS; attempt++) {
      try (InputStream in = offset > 0 ? openResuming(source, p, offset, md, part) : source.open(p.location());
          OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        feed(in, md, out);
      } catch (java.io.FileNotFoundException e) {
        throw new RpmDownloadException("could not download " + p.nevra() + ": " + where(source, p)
            + " not found (stale metadata?)");
      } catch (IOException e) {
        if (attempt == RESUME_ATTEMPTS - 1) {
          throw e;
        }
      }
      offset = Files.size(part);
      if (p.size() <= 0 || offset >= p.size()) {
        break;
      }
    }
    String actual = HexFormat.of().formatHex(md.digest());
    if (!actual.equals(expected)) {
      Files.deleteIfExists(part);
      throw new RpmDownloadException("could not download " + p.nevra() + " from " + where(source, p)
          + ": sha256 mismatch (expected " + expected + ", got " + actual + ")");
    }
    if (!deferred) {
      try {
        verifier.verify(part, p);
      } catch (RpmDownloadException e) {
        Files.deleteIfExists(part);
        throw e;
      }
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** Ranged open; when the server cannot resume, starts over with a fresh digest and an emptied part file. */
  private static InputStream openResuming(RepoSource source, RpmPackage p, long offset, MessageDigest md, Path part)
      throws IOException {
    try {
      return source.open(p.location(), offset);
    } catch (IOException e) {
      md.reset();
      Files.write(part, new byte[0]);
      return source.open(p.location());
    }
  }

  private static String where(RepoSource source, RpmPackage p) {
    String base = source.describe();
    return base + (base.endsWith("/") ? "" : "/") + p.location();
  }

  private static void feed(InputStream in, MessageDigest md, OutputStream out) throws IOException {
    byte[] buf = new byte[1 << 16];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      md.update(buf, 0, n);
      out.write(buf, 0, n);
    }
  }

  private static String sha256(Path f) throws IOException {
    MessageDigest md = Digest.newSha256();
    try (InputStream in = Files.newInputStream(f)) {
      feed(in, md, OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
