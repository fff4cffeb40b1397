package io.kubeferry.bundler.rpm.repo;

import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.bundler.rpm.RpmReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
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
    List<Path> files = list(repo);
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory(repo, ".repodata.tmp-");
      Indexed indexed = index(repo, files, tmp, options);
      byte[] repomd = RepomdXml.render(indexed.timestamp(), indexed.records()).getBytes(StandardCharsets.UTF_8);
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
      return new RepodataResult(target, indexed.packages(), indexed.records(), options.signer() != null);
    } catch (IOException e) {
      throw new RpmException("could not write repodata: " + e.getMessage() + " (input " + repo + ")", repo, e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private record Indexed(List<PackageRef> packages, List<RepomdRecord> records, long timestamp) {}

  /** One package read and rendered by a worker: the three XML fragments, or the failure. */
  private record Rendered(PackageRef ref, long buildTime, String primary, String filelists, String other) {}

  private static byte[] sign(RepomdSigner signer, byte[] repomd, Path repo) throws RpmException {
    try {
      return signer.signArmored(repomd);
    } catch (Exception e) {
      throw new RpmException("could not sign repomd.xml: " + e.getMessage() + " (input " + repo + ")", repo, e);
    }
  }

  /**
   * Reads and renders packages in parallel and streams the fragments, in location order, into the three
   * metadata files; at most a bounded window of packages is in memory, so large repos index in bounded memory.
   * Every failing RPM is reported, as suppressed exceptions of the first.
   */
  private static Indexed index(Path repo, List<Path> files, Path out, RepodataOptions options)
      throws RpmException, IOException {
    int n = files.size();
    int threads = options.effectiveThreads();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<RpmException> failures = new ArrayList<>();
    List<PackageRef> refs = new ArrayList<>(n);
    long timestamp = 0;
    try (MetadataFileWriter primary = new MetadataFileWriter(out, "primary", String.format(PRIMARY_HEAD, n));
        MetadataFileWriter filelists = new MetadataFileWriter(out, "filelists", String.format(FILELISTS_HEAD, n));
        MetadataFileWriter other = new MetadataFileWriter(out, "other", String.format(OTHER_HEAD, n))) {
      Deque<Future<Rendered>> window = new ArrayDeque<>();
      int next = 0;
      while (next < n || !window.isEmpty()) {
        while (next < n && window.size() < threads * 16) {
          Path f = files.get(next++);
          window.add(pool.submit(() -> render(repo, f, options)));
        }
        Path f = files.get(next - window.size());
        try {
          Rendered r = window.removeFirst().get();
          if (failures.isEmpty()) {
            primary.append(r.primary());
            filelists.append(r.filelists());
            other.append(r.other());
          }
          refs.add(r.ref());
          timestamp = Math.max(timestamp, r.buildTime());
        } catch (ExecutionException e) {
          failures.add(e.getCause() instanceof RpmException x ? x
              : new RpmException("could not read RPM: " + e.getCause() + " (input " + f + ")", f, e.getCause()));
        }
      }
      if (!failures.isEmpty()) {
        RpmException first = failures.get(0);
        RpmException all = failures.size() == 1 ? first : new RpmException(first.getMessage()
            + " (and " + (failures.size() - 1) + " more RPMs failed)", first.file(), first);
        failures.stream().skip(1).forEach(all::addSuppressed);
        throw all;
      }
      List<RepomdRecord> records = List.of(primary.finish("</metadata>\n", timestamp),
          filelists.finish("</filelists>", timestamp), other.finish("</otherdata>", timestamp));
      return new Indexed(refs, records, timestamp);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpmException("could not index RPMs: interrupted (input " + repo + ")", repo, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Rendered render(Path repo, Path file, RepodataOptions options) throws RpmException {
    String href = href(repo, file);
    RpmKeyring keys = options.verifyWith() == null ? null : options.verifyWith().apply(href);
    IndexedPackage p = new IndexedPackage(RpmReader.read(file, keys), href);
    StringBuilder primary = new StringBuilder(4096);
    PackageXml.primary(primary, p);
    StringBuilder filelists = new StringBuilder(1024);
    PackageXml.filelists(filelists, p);
    StringBuilder other = new StringBuilder(512);
    PackageXml.other(other, p);
    var h = p.rpm().header();
    return new Rendered(new PackageRef(h.nevra(), p.href(), p.rpm().sha256()), h.buildTime(),
        primary.toString(), filelists.toString(), other.toString());
  }

  /** The RPMs under {@code repo}, outside hidden dirs and repodata/, sorted by location. */
  static List<Path> list(Path repo) throws RpmException {
    try (Stream<Path> s = Files.walk(repo)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".rpm"))
          .filter(p -> !hidden(repo.relativize(p)))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> href(repo, p)))
          .toList();
    } catch (IOException e) {
      throw new RpmException("could not list RPMs: " + e.getMessage() + " (input " + repo + ")", repo, e);
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
