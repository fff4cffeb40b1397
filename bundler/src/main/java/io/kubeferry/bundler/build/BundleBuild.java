package io.kubeferry.bundler.build;

import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.ImagePullException;
import io.kubeferry.bundler.image.ImagePuller;
import io.kubeferry.bundler.image.PullOptions;
import io.kubeferry.bundler.image.PullResult;
import io.kubeferry.core.pack.BuildOptions;
import io.kubeferry.core.pack.BuildResult;
import io.kubeferry.core.pack.BundleBuilder;
import io.kubeferry.core.pack.BundleContents;
import io.kubeferry.core.pack.PackEntry;
import io.kubeferry.bundler.rpm.RpmKeyring;
import io.kubeferry.bundler.rpm.download.RpmDownloader;
import io.kubeferry.bundler.rpm.lock.RpmsLock;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.MetadataCache;
import io.kubeferry.bundler.rpm.repo.RepoReader;
import io.kubeferry.bundler.rpm.repo.RepoSource;
import io.kubeferry.bundler.rpm.repo.RepodataOptions;
import io.kubeferry.bundler.rpm.repo.RepodataResult;
import io.kubeferry.bundler.rpm.repo.RepodataWriter;
import io.kubeferry.bundler.rpm.repo.Repository;
import io.kubeferry.bundler.rpm.repo.RpmPackage;
import io.kubeferry.bundler.rpm.solve.Resolution;
import io.kubeferry.bundler.rpm.solve.ResolvedPackage;
import io.kubeferry.bundler.rpm.solve.SolveRequest;
import io.kubeferry.bundler.rpm.solve.Solver;
import io.kubeferry.bundler.rpm.solve.Spec;
import io.kubeferry.core.Platform;
import io.kubeferry.core.bundle.BundleLayout;
import io.kubeferry.core.bundle.ImageEntry;
import io.kubeferry.core.bundle.RpmEntry;
import io.kubeferry.core.bundle.SourceEntry;
import io.kubeferry.core.bundle.TemplateEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bundle build} end to end, executing a {@link BundleRecipe}: checks that the carried templates and add-ons
 * name only carried images, loads the repositories' keys, pulls the image set into an OCI layout, resolves and
 * downloads the pinned RPM closure, indexes it into a yum repository signed with the bundle key (verifying every
 * package's checksum and signature in that one pass), and hands everything it learned to the {@link BundleBuilder}
 * (which, for a delta, leaves out what the base holds). Results flow forward in memory; nothing is read back to be
 * re-derived. Stateless.
 */
public final class BundleBuild {
  /** Runs the build; any part's checked exception propagates with its message. */
  public BuildResult run(BundleBuildOptions o) throws Exception {
    BundleRecipe recipe = o.recipe();
    List<TemplateEntry> templates = TemplateImages.entries(o.templatesDir(), recipe.templates(), recipe.version(),
        recipe.cluster());
    List<TemplateEntry> addons = recipe.operator().entries();
    Set<String> carried = recipe.images().stream().map(i -> i.ref().toString()).collect(Collectors.toSet());
    TemplateImages.requireAll(Stream.concat(templates.stream(), addons.stream()).toList(), carried);
    HttpRepoClient http = HttpRepoClient.defaults();
    o.listener().phase("loading the signing keys of " + recipe.repos().size() + " repositories");
    Map<String, RepoKeys.Loaded> keys = new LinkedHashMap<>();
    for (SourceRepo r : recipe.repos()) { // before any download: a missing key fails fast
      keys.put(r.id(), RepoKeys.load(r, http));
    }

    o.listener().phase("pulling " + recipe.images().size() + " images");
    PullResult pulled = pullImages(o);
    List<ImageEntry> images = BundledImages.of(recipe.images(), pulled, recipe.version());

    o.listener().phase("resolving " + recipe.allSpecs().size() + " package specs for " + recipe.os().id() + " "
        + recipe.rpmArch());
    Resolution resolution = resolve(o, keys, http);
    Path locks = o.locksDir() == null ? null : lockRpms(o, resolution);
    List<RpmPackage> pkgs = resolution.toBundle().stream().map(ResolvedPackage::pkg).toList();

    o.listener().phase("downloading " + pkgs.size() + " RPMs");
    Map<String, RepoSource> sources = new HashMap<>();
    recipe.repos().forEach(r -> sources.put(r.id(), RepoSource.of(r.url(), http)));
    List<Path> cached = RpmDownloader.deferringChecks(sources, o.rpmCache(), 4).download(pkgs);
    Path repo = o.workDir().resolve("repo");
    Map<String, RpmKeyring> keyringByHref = linkIntoRepo(pkgs, cached, repo, keys);

    o.listener().phase("indexing and signing the yum repository (checksums and signatures of " + pkgs.size()
        + " RPMs)");
    // Dated with the pack timestamp, not now: the signature file is inside the bundle, whose bytes must repeat.
    RepodataResult indexed = RepodataWriter.write(RepodataOptions.of(repo)
        .withVerification(keyringByHref::get)
        .withSigner(repomd -> o.signer().signArmored(new ByteArrayInputStream(repomd), o.pack().mtime()),
            o.signer().publicKeyArmored()));
    List<RpmEntry> rpms = BundledRpms.entries(pkgs, indexed, repo);

    Map<String, PackEntry> files = new TreeMap<>();
    for (String t : recipe.templates()) {
      String path = BundleLayout.MANIFESTS + t;
      files.put(path, PackEntry.ofFile(path, o.templatesDir().resolve(t), false));
    }
    for (AddonFile a : recipe.operator().addons()) {
      files.put(a.bundlePath(), PackEntry.ofFile(a.bundlePath(), a.file(), false));
    }
    List<SourceEntry> audit = new ArrayList<>();
    for (RepoKeys.Loaded k : keys.values()) {
      files.put(k.bundlePath(), PackEntry.ofBytes(k.bundlePath(), k.armored()));
      audit.add(new SourceEntry(k.source().id(), k.source().url(), k.fingerprints()));
    }
    BundleContents contents = new BundleContents(recipe.version().toString(), recipe.os().id(), recipe.arch(),
        recipe.cluster(), BundledRpms.roles(recipe.packageSpecs(), resolution), audit, images, rpms, templates,
        addons);
    return new BundleBuilder().build(new BuildOptions(contents, pulled.layout(), repo, files, o.installer(), locks,
        o.signer(), o.output(), o.pack(), o.listener(), o.base()));
  }

  private static PullResult pullImages(BundleBuildOptions o) throws Exception {
    Path layout = o.workDir().resolve("images");
    if (Files.exists(layout)) {
      deleteTree(layout); // the layout is rebuilt from the blob cache: images of an earlier set must not linger
    }
    BundleRecipe recipe = o.recipe();
    PullOptions.LockPolicy lock = o.locksDir() == null ? PullOptions.LockPolicy.none() : new PullOptions.LockPolicy(
        o.locked() ? PullOptions.LockPolicy.Mode.VERIFY : PullOptions.LockPolicy.Mode.UPDATE,
        o.locksDir().resolve("images.lock"), recipe.version().toString());
    try {
      return new ImagePuller().pull(new PullOptions(recipe.images().stream().map(CatalogImage::ref).toList(), layout,
          Set.of(Platform.parse(recipe.arch())), o.imageCache(), o.registries().sources(), o.registries().client(),
          o.registries().parallelism(), lock, o.pullListener()));
    } catch (ImagePullException e) {
      throw OperatorImageFailures.located(e, recipe.operator());
    }
  }

  private static Resolution resolve(BundleBuildOptions o, Map<String, RepoKeys.Loaded> keys, HttpRepoClient http)
      throws Exception {
    BundleRecipe recipe = o.recipe();
    // Parsed metadata is kept in the work directory, like the RPMs: a rebuild with unchanged repos skips the XML.
    MetadataCache metadata = new MetadataCache(o.workDir().resolve("repodata"));
    try {
      List<Repository> read = new RepoReader(http, metadata).readAll(
          keys.values().stream().map(RepoKeys.Loaded::config).toList());
      return new Solver().solve(read, new SolveRequest(recipe.allSpecs().stream().map(Spec::new).toList(),
          recipe.rpmArch(), false, recipe.os().packages(), false, recipe.os().richDeps()));
    } finally {
      metadata.awaitWrites(); // cache files are written while the solver runs
    }
  }

  /**
   * Puts each cached package into the bundle's repository (a hard link where the file system allows, else a copy)
   * and returns, per location, the keys its own repository signs with.
   */
  private static Map<String, RpmKeyring> linkIntoRepo(List<RpmPackage> pkgs, List<Path> cached, Path repo,
      Map<String, RepoKeys.Loaded> keys) throws IOException {
    Path packages = Files.createDirectories(repo.resolve("Packages"));
    clean(packages); // packages of an earlier build in the same work dir must not leak into this one
    Map<String, RpmKeyring> out = new HashMap<>();
    for (int i = 0; i < pkgs.size(); i++) {
      String href = BundledRpms.href(pkgs.get(i).nevra());
      Path target = repo.resolve(href);
      try {
        Files.createLink(target, cached.get(i));
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(cached.get(i), target, StandardCopyOption.REPLACE_EXISTING);
      }
      out.put(href, keys.get(pkgs.get(i).repoId()).keyring());
    }
    return out;
  }

  /** Checks or records the closure in rpms.lock; returns a directory holding just the two locks, to ship. */
  private static Path lockRpms(BundleBuildOptions o, Resolution r) throws IOException {
    BundleRecipe recipe = o.recipe();
    Path file = o.locksDir().resolve("rpms.lock");
    RpmsLock lock = RpmsLock.read(file);
    String version = recipe.version().toString();
    if (o.locked()) {
      List<String> drift = lock.verify(recipe.os().id(), recipe.rpmArch(), version, RpmsLock.entriesOf(r));
      if (!drift.isEmpty()) {
        throw new IOException("could not build with --locked: the RPM closure drifted from " + file + ": "
            + String.join("; ", drift));
      }
    } else {
      lock.set(recipe.os().id(), recipe.rpmArch(), version, RpmsLock.entriesOf(r));
      lock.write(file);
    }
    Path shipped = Files.createDirectories(o.workDir().resolve("locks"));
    for (String name : List.of("images.lock", "rpms.lock")) {
      Files.copy(o.locksDir().resolve(name), shipped.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return shipped;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void clean(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        Files.delete(f);
      }
    }
  }
}
