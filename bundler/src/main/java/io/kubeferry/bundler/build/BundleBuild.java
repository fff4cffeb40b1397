package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.ImagePuller;
import io.kubeferry.bundler.image.PullOptions;
import io.kubeferry.bundler.image.PullResult;
import io.kubeferry.bundler.pack.BuildOptions;
import io.kubeferry.bundler.pack.BuildResult;
import io.kubeferry.bundler.pack.BundleBuilder;
import io.kubeferry.bundler.rpm.RpmException;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.bundler.rpm.download.RpmDownloader;
import io.kubeferry.bundler.rpm.download.RpmVerifier;
import io.kubeferry.bundler.rpm.download.SignedRpmVerifier;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.MetadataCache;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.rpm.repo.RepoReader;
import io.kubeferry.bundler.rpm.repo.RepoSource;
import io.kubeferry.bundler.rpm.repo.RepodataOptions;
import io.kubeferry.bundler.rpm.repo.RepodataWriter;
import io.kubeferry.bundler.rpm.repo.Repository;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import io.kubeferry.bundler.rpm.lock.RpmsLock;
import io.kubeferry.bundler.rpm.solve.Resolution;
import io.kubeferry.bundler.rpm.solve.ResolvedPackage;
import io.kubeferry.bundler.rpm.solve.SolveRequest;
import io.kubeferry.bundler.rpm.solve.Solver;
import io.kubeferry.bundler.rpm.solve.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bundle build} end to end: pulls the image set into an OCI layout, resolves and downloads the pinned RPM
 * closure, writes a yum repo signed with the bundle key, and packs everything with {@link BundleBuilder}.
 * Each part reports its own failures (all images, all packages at once). Stateless.
 */
public final class BundleBuild {
  /** Runs the build; any part's checked exception propagates with its message. */
  public BuildResult run(BundleBuildOptions o) throws Exception {
    Path images = o.workDir().resolve("images");
    Path repo = o.workDir().resolve("repo");
    Map<String, byte[]> rpmKeys = RepoKeys.forBundle(o.repos(), o.repoKeys()); // before any download: fail fast
    if (Files.exists(images)) {
      deleteTree(images); // the layout is rebuilt from the blob cache: images of an earlier set must not linger
    }
    o.listener().phase("pulling " + o.images().images().size() + " images");
    PullOptions p = o.images();
    PullOptions.LockPolicy lock = o.locksDir() == null ? p.lock() : new PullOptions.LockPolicy(
        o.locked() ? PullOptions.LockPolicy.Mode.VERIFY : PullOptions.LockPolicy.Mode.UPDATE,
        o.locksDir().resolve("images.lock"), o.kubernetesVersion());
    PullResult pulled = new ImagePuller().pull(new PullOptions(p.images(), images, p.platforms(), p.cache(),
        p.sources(), p.client(), p.parallelism(), lock, p.listener()));

    o.listener().phase("resolving " + o.rpmSpecs().size() + " RPM specs for " + o.os().id() + " " + o.rpmArch());
    HttpRepoClient http = HttpRepoClient.defaults();
    // Parsed metadata is kept in the work directory, like the RPMs: a rebuild with unchanged repos skips the XML.
    MetadataCache metadata = new MetadataCache(o.workDir().resolve("repodata"));
    Resolution resolution;
    try {
      List<Repository> read = new RepoReader(http, metadata).readAll(o.repos());
      resolution = new Solver().solve(read, new SolveRequest(
          o.rpmSpecs().stream().map(Spec::new).toList(), o.rpmArch(), false, o.os().packages(), false,
          o.os().richDeps()));
    } finally {
      metadata.awaitWrites(); // cache files are written while the solver runs
    }
    Map<String, RepoSource> sources = new HashMap<>();
    for (RepoConfig c : o.repos()) {
      sources.put(c.id(), RepoSource.of(c.location(), http));
    }
    Path locks = o.locksDir() == null ? null : lockRpms(o, resolution);
    List<RpmPackage> pkgs = resolution.toBundle().stream().map(ResolvedPackage::pkg).toList();
    o.listener().phase("downloading " + pkgs.size() + " RPMs");
    List<Path> files = new RpmDownloader(sources, o.rpmCache(), rpmVerifier(o), 4).download(pkgs);
    Path packages = Files.createDirectories(repo.resolve("Packages"));
    clean(packages);
    for (int i = 0; i < files.size(); i++) {
      Files.copy(files.get(i), packages.resolve(pkgs.get(i).nevra() + ".rpm"), StandardCopyOption.REPLACE_EXISTING);
    }
    o.listener().phase("writing the signed yum repository");
    // Dated with the pack timestamp, not now: the signature file is inside the bundle, whose bytes must repeat.
    RepodataWriter.write(RepodataOptions.of(repo).withSigner(
        repomd -> o.signer().signArmored(new java.io.ByteArrayInputStream(repomd), o.pack().mtime()),
        o.signer().publicKeyArmored()));

    return new BundleBuilder().build(new BuildOptions(o.kubernetesVersion(), List.of(o.os().id()),
        List.of(archOf(o.rpmArch())), pulled::layout, () -> repo, o.templates(), o.installer(), locks,
        o.signer(), o.output(), o.pack(), o.listener(), rpmKeys));
  }

  /** Every RPM's header signature must verify against its repository's --repo-key (every repo has one). */
  private static RpmVerifier rpmVerifier(BundleBuildOptions o) throws RpmException {
    Map<String, RpmKeyring> keyrings = new HashMap<>();
    for (Map.Entry<String, Path> k : o.repoKeys().entrySet()) {
      keyrings.put(k.getKey(), RpmKeyring.load(k.getValue()));
    }
    return new SignedRpmVerifier(keyrings, false);
  }

  /** Checks or records the closure in rpms.lock; returns a directory holding just the two locks, to ship. */
  private static Path lockRpms(BundleBuildOptions o, Resolution r) throws java.io.IOException {
    Path file = o.locksDir().resolve("rpms.lock");
    RpmsLock lock = RpmsLock.read(file);
    if (o.locked()) {
      List<String> drift = lock.verify(o.os().id(), o.rpmArch(), o.kubernetesVersion(), RpmsLock.entriesOf(r));
      if (!drift.isEmpty()) {
        throw new java.io.IOException("could not build with --locked: the RPM closure drifted from " + file + ": "
            + String.join("; ", drift));
      }
    } else {
      lock.set(o.os().id(), o.rpmArch(), o.kubernetesVersion(), RpmsLock.entriesOf(r));
      lock.write(file);
    }
    Path shipped = Files.createDirectories(o.workDir().resolve("locks"));
    for (String name : List.of("images.lock", "rpms.lock")) {
      Files.copy(o.locksDir().resolve(name), shipped.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return shipped;
  }

  private static String archOf(String rpmArch) {
    return rpmArch.equals("aarch64") ? "arm64" : "amd64";
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  // Packages of an earlier build in the same work dir must not leak into this one.
  private static void clean(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        Files.delete(f);
      }
    }
  }
}
