package io.kubeferry.bundler.rpm.repo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a yum repository's metadata: repomd.xml (signature checked when a verifier is configured), then primary
 * (any of gz/xz/zst/bz2), verifying both the stored and the open checksum while streaming. Modular packages of
 * non-enabled streams are dropped. filelists is read only on demand. Thread-safe (stateless).
 */
public final class RepoReader {
  private static final int MAX_REPOMD = 16 << 20;
  private final HttpRepoClient http;
  private final MetadataCache cache;

  /** A reader without a metadata cache: every read parses the XML. */
  public RepoReader(HttpRepoClient http) {
    this(http, null);
  }

  /** A reader that reuses parsed metadata from {@code cache} (may be null) when repomd.xml is unchanged. */
  public RepoReader(HttpRepoClient http, MetadataCache cache) {
    this.http = http;
    this.cache = cache;
  }

  /**
   * Reads several repositories concurrently (they are independent), in the given order. Every repository that
   * fails is reported, one line each, in one exception.
   */
  public List<Repository> readAll(List<RepoConfig> configs) throws RepoException {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.max(1, Math.min(4, configs.size())), r -> {
          Thread t = new Thread(r, "repo-reader");
          t.setDaemon(true);
          return t;
        });
    try {
      List<java.util.concurrent.Future<Repository>> futures = new ArrayList<>();
      for (RepoConfig c : configs) {
        futures.add(pool.submit(() -> read(c)));
      }
      List<Repository> out = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (var f : futures) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          problems.add(e.getCause().getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RepoException("interrupted while reading repositories");
        }
      }
      if (!problems.isEmpty()) {
        throw new RepoException(String.join("\n", problems));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads one repository; every failure is one {@link RepoException} naming the repository and the file. */
  public Repository read(RepoConfig config) throws RepoException {
    RepoSource source = RepoSource.of(config.location(), http);
    String where = "repository " + config.id() + " (" + source.describe() + ")";
    RepoMd repomd = readRepomd(config, source, where);
    RepoMd.Entry primary = repomd.entry("primary").orElseThrow();
    Optional<PackageIndex> cached = cache == null ? Optional.empty() : cache.load(repomd, config.id());
    PackageIndex index = cached.isPresent() ? cached.get() : parsePrimary(config, source, where, repomd);
    if (cache != null && cached.isEmpty()) {
      cache.store(repomd, index);
    }
    Optional<RepoMd.Entry> filelists = repomd.entry("filelists");
    Repository.FilelistsLoader loader = paths -> {
      if (filelists.isEmpty()) {
        return Map.of();
      }
      String algo = primary.checksum().substring(0, primary.checksum().indexOf(':'));
      Map<String, List<String>>[] out = new Map[1];
      withVerifiedStream(source, filelists.get(), where,
          in -> out[0] = FilelistsParser.owners(in, where + " " + filelists.get().location(), paths, algo));
      return out[0];
    };
    return new Repository(config.id(), config.priority(), index, loader);
  }

  /** Parses primary, dropping hidden modular packages, and indexes the packages while the parser runs. */
  private static PackageIndex parsePrimary(RepoConfig config, RepoSource source, String where, RepoMd repomd)
      throws RepoException {
    RepoMd.Entry primary = repomd.entry("primary").orElseThrow();
    Optional<RepoMd.Entry> modules = repomd.entry("modules");
    Set<String> hidden = new HashSet<>();
    if (modules.isPresent()) {
      // Read first (it is small) so that packages can be filtered, and indexed, as they are parsed.
      withVerifiedStream(source, modules.get(), where, in -> hidden.addAll(ModuleFilter.hiddenArtifacts(in)));
    }
    PrimaryParser parser = new PrimaryParser(config.id());
    try (BackgroundIndexer indexer = new BackgroundIndexer("repodata-index-" + config.id())) {
      withVerifiedStream(source, primary, where, in -> parser.parse(in, where + " " + primary.location(), p -> {
        if (hidden.isEmpty() || !hidden.contains(ModuleFilter.artifactName(p))) {
          try {
            indexer.add(p);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing " + config.id());
          }
        }
      }));
      return indexer.finish(config.id());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RepoException("could not read " + where + ": interrupted");
    }
  }

  private RepoMd readRepomd(RepoConfig config, RepoSource source, String where)
      throws RepoException {
    byte[] xml;
    try (InputStream in = source.open("repodata/repomd.xml")) {
      xml = in.readNBytes(MAX_REPOMD + 1);
    } catch (java.io.FileNotFoundException e) {
      throw new RepoException("could not read " + where + ": repodata/repomd.xml not found (is the URL the"
          + " repository root?)");
    } catch (IOException e) {
      throw new RepoException("could not read " + where + ": " + e.getMessage(), e);
    }
    if (xml.length > MAX_REPOMD) {
      throw new RepoException("could not read " + where + ": repomd.xml is larger than 16 MiB");
    }
    if (config.verifier() != null) {
      byte[] sig;
      try {
        Optional<InputStream> asc = source.openOptional("repodata/repomd.xml.asc");
        if (asc.isEmpty()) {
          throw new RepoException("could not verify " + where + ": repodata/repomd.xml.asc is missing but the"
              + " repository has a key configured");
        }
        try (InputStream in = asc.get()) {
          sig = in.readNBytes(1 << 20);
        }
      } catch (IOException e) {
        throw new RepoException("could not read " + where + " repomd.xml.asc: " + e.getMessage(), e);
      }
      config.verifier().verify(xml, sig, where);
    }
    return RepoMd.parse(xml, where + " repomd.xml");
  }

  /** What to do with the decompressed, checksum-verified content of one metadata file. */
  @FunctionalInterface
  private interface StreamBody {
    void accept(InputStream in) throws RepoException, IOException;
  }

  private static void withVerifiedStream(RepoSource source, RepoMd.Entry entry, String where, StreamBody body)
      throws RepoException {
    String file = where + " " + entry.location();
    InputStream raw = null;
    try {
      InputStream opened = source.open(entry.location());
      raw = opened;
      ChecksummedStream stored = new ChecksummedStream(opened, entry.checksum(), file);
      // Reading, decompressing and hashing run on a second thread while the caller parses.
      try (PipelinedStream in = PipelinedStream.start(new PipelinedStream.Producer() {
        @Override
        public InputStream open() throws IOException {
          InputStream plain = Compression.decompress(stored, entry.location());
          return entry.openChecksum() == null ? plain
              : new ChecksummedStream(plain, entry.openChecksum(), file + " (uncompressed)");
        }

        @Override
        public void finish() throws IOException {
          stored.drainAndCheck();
        }
      }, "repodata-" + entry.type())) {
        body.accept(in);
        in.drain();
      }
    } catch (java.io.FileNotFoundException e) {
      throw new RepoException("could not read " + file + ": file not found (listed in repomd.xml)");
    } catch (ChecksummedStream.ChecksumMismatchException e) {
      throw new RepoException("could not read " + where + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new RepoException("could not read " + file + ": " + e.getMessage(), e);
    } finally {
      if (raw != null) {
        try {
          raw.close();
        } catch (IOException ignored) {
          // nothing more to read from it
        }
      }
    }
  }
}
