package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.RpmPackageFile;
import io.kubeferry.bundler.rpm.RpmReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes createrepo-compatible {@code repodata/} (primary, filelists, other as .xml.gz, repomd.xml, optionally
 * repomd.xml.asc and repomd.xml.key) for a directory of RPMs, without Python or createrepo. Output depends only on
 * the RPMs: packages sorted by location, timestamps from the RPMs' build times, gzip without mtime. The new
 * repodata is built in a temp dir next to the old one and swapped in by rename, so readers never see a mix.
 */
public final class RepodataWriter {
  private static final String PRIMARY_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<metadata xmlns=\"http://linux.duke.edu/metadata/common\" "
      + "xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\"%d\">\n";
  private static final String FILELISTS_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<filelists xmlns=\"http://linux.duke.edu/metadata/filelists\" packages=\"%d\">\n";
  private static final String OTHER_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<otherdata xmlns=\"http://linux.duke.edu/metadata/other\" packages=\"%d\">\n";

  private RepodataWriter() {}

  /** Indexes {@code options.repoDir()}; on failure nothing in the repo changes. */
  public static RepodataResult write(RepodataOptions options) throws RpmException {
    Path repo = options.repoDir();
    if (!Files.isDirectory(repo)) {
      throw new RpmException("could not index RPMs: not a directory (input " + repo + ")", repo);
    }
    List<IndexedPackage> packages = readAll(repo, options);
    long timestamp = packages.stream().mapToLong(p -> p.rpm().header().buildTime()).max().orElse(0);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(repo, ".repodata.tmp-");
      List<RepomdRecord> records = writeMetadata(tmp, packages, timestamp, options.effectiveThreads());
      byte[] repomd = RepomdXml.render(timestamp, records).getBytes(StandardCharsets.UTF_8);
      Files.write(tmp.resolve("repomd.xml"), repomd);
      if (options.signer() != null) {
        Files.write(tmp.resolve("repomd.xml.asc"), sign(options.signer(), repomd, repo));
      }
      if (options.publicKeyArmored() != null) {
        Files.writeString(tmp.resolve("repomd.xml.key"), options.publicKeyArmored(), StandardCharsets.US_ASCII);
      }
      Path target = repo.resolve("repodata");
      swapIn(tmp, target);
      tmp = null;
      return new RepodataResult(target, packages, records, options.signer() != null);
    } catch (IOException e) {
      throw new RpmException("could not write repodata: " + e.getMessage() + " (input " + repo + ")", repo, e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static byte[] sign(RepomdSigner signer, byte[] repomd, Path repo) throws RpmException {
    try {
      return signer.signArmored(repomd);
    } catch (Exception e) {
      throw new RpmException("could not sign repomd.xml: " + e.getMessage() + " (input " + repo + ")", repo, e);
    }
  }

  /** Reads every RPM (in parallel); all failures are reported together, as suppressed exceptions of the first. */
  static List<IndexedPackage> readAll(Path repo, RepodataOptions options) throws RpmException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(repo)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".rpm"))
          .filter(p -> !hidden(repo.relativize(p)))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> href(repo, p)))
          .toList();
    } catch (IOException e) {
      throw new RpmException("could not list RPMs: " + e.getMessage() + " (input " + repo + ")", repo, e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.effectiveThreads());
    try {
      List<Future<RpmPackageFile>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(pool.submit(() -> RpmReader.read(f, options.verifyWith())));
      }
      List<IndexedPackage> out = new ArrayList<>(files.size());
      List<RpmException> failures = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        try {
          out.add(new IndexedPackage(futures.get(i).get(), href(repo, files.get(i))));
        } catch (ExecutionException e) {
          failures.add(e.getCause() instanceof RpmException r ? r
              : new RpmException("could not read RPM: " + e.getCause() + " (input " + files.get(i) + ")",
                  files.get(i), e.getCause()));
        }
      }
      if (!failures.isEmpty()) {
        RpmException first = failures.get(0);
        RpmException all = failures.size() == 1 ? first : new RpmException(first.getMessage()
            + " (and " + (failures.size() - 1) + " more RPMs failed)", first.file(), first);
        failures.stream().skip(1).forEach(all::addSuppressed);
        throw all;
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpmException("could not index RPMs: interrupted (input " + repo + ")", repo, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<RepomdRecord> writeMetadata(Path dir, List<IndexedPackage> pkgs, long ts, int threads)
      throws IOException {
    int n = pkgs.size();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(3, threads));
    try {
      Future<RepomdRecord> primary = pool.submit(() -> MetadataFileWriter.write(dir, "primary",
          String.format(PRIMARY_HEAD, n), "</metadata>\n", pkgs, PackageXml::primary, ts));
      Future<RepomdRecord> filelists = pool.submit(() -> MetadataFileWriter.write(dir, "filelists",
          String.format(FILELISTS_HEAD, n), "</filelists>", pkgs, PackageXml::filelists, ts));
      Future<RepomdRecord> other = pool.submit(() -> MetadataFileWriter.write(dir, "other",
          String.format(OTHER_HEAD, n), "</otherdata>", pkgs, PackageXml::other, ts));
      return List.of(primary.get(), filelists.get(), other.get());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Replaces {@code target} with {@code fresh}: old moved aside, new renamed in, old deleted. */
  private static void swapIn(Path fresh, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = fresh.resolveSibling(".repodata.old-" + fresh.getFileName().toString().replace(".repodata.tmp-", ""));
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  static String href(Path repo, Path file) {
    return repo.relativize(file).toString().replace('\\', '/');
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      String s = part.toString();
      if (s.startsWith(".") || s.equals("repodata")) {
        return true;
      }
    }
    return false;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leftover temp dirs are hidden (dot-prefixed) and ignored by the next run
    }
  }
}
