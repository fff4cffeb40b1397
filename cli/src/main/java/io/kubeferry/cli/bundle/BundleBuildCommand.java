package io.kubeferry.cli.bundle;

import io.kubeferry.cli.PassphraseMixin;
import io.kubeferry.bundler.build.BundleBuild;
import io.kubeferry.bundler.build.BundleBuildOptions;
import io.kubeferry.bundler.build.RepoKeys;
import io.kubeferry.bundler.build.KubernetesRpms;
import io.kubeferry.bundler.image.CatalogImage;
import io.kubeferry.bundler.image.PullOptions;
import io.kubeferry.bundler.pack.BuildResult;
import io.kubeferry.bundler.pack.Compression;
import io.kubeferry.bundler.pack.ContentSources;
import io.kubeferry.bundler.pack.PackOptions;
import io.kubeferry.bundler.rpm.download.RpmCache;
import io.kubeferry.bundler.rpm.profile.BaseOsProfile;
import io.kubeferry.bundler.rpm.repo.OpenPgpRepomdVerifier;
import io.kubeferry.bundler.rpm.repo.RepoConfig;
import io.kubeferry.bundler.runtime.RuntimeBuilder;
import io.kubeferry.bundler.runtime.RuntimeOptions;
import io.kubeferry.cli.image.RegistryOptions;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.core.sign.Signer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kubeferry bundle build}: images + RPM closure + templates + installer → one signed tarball. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build a signed, reproducible air-gap bundle: the image set in an OCI layout, the pinned RPM",
        "closure in a signed yum repo, manifests/ templates and kubeferry itself with a Java runtime.",
        "Prints progress on stderr and the bundle's path, size, sha256 and signing key on stdout."})
public final class BundleBuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageSetOptionsMixin set;
  @Mixin RegistryOptions registry;
  @Mixin InstallerOptions installer;

  @Option(names = "--os", defaultValue = "el7", description = "Target OS profile (default: ${DEFAULT-VALUE}).")
  String os;

  @Option(names = "--repo", required = true, paramLabel = "ID=URL|DIR",
      description = "A yum repository to resolve RPMs from. Repeatable.")
  List<String> repos = new ArrayList<>();

  @Option(names = "--repo-key", paramLabel = "ID=KEYFILE",
      description = "The OpenPGP key of repository ID: repomd.xml.asc must be signed by it, and it is shipped in the"
          + " bundle (keys/rpm/ID.asc) for the installer's gpgcheck. Required for every --repo.")
  List<String> repoKeys = new ArrayList<>();

  @Option(names = "--rpm", paramLabel = "SPEC", description = "RPM specs instead of the built-in pinned set.")
  List<String> rpms = new ArrayList<>();

  @Option(names = "--sign-key", paramLabel = "FILE",
      description = "Secret signing key (else $" + Signer.KEY_ENV + ").")
  Path signKey;

  @Mixin PassphraseMixin passphrase;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "x.tgz or x.tar.zst")
  Path output;

  @Option(names = "--compression", defaultValue = "gzip", description = "gzip (default) or zstd")
  String compression;

  @Option(names = "--split", paramLabel = "SIZE", description = "Write numbered parts of SIZE, e.g. 4G.")
  String split;

  @Option(names = "--work", paramLabel = "DIR", description = "Work directory (default: beside the output).")
  Path work;

  @Option(names = "--locks", paramLabel = "DIR",
      description = "Directory of images.lock and rpms.lock: updated from this build (or checked with --locked)"
          + " and shipped in the bundle.")
  Path locks;

  @Option(names = "--locked", description = "Fail if an image digest or the RPM closure drifted from --locks.")
  boolean locked;

  @Override
  public Integer call() throws Exception {
    if (locked && locks == null) {
      throw new ParameterException(spec.commandLine(), "--locked needs --locks DIR");
    }
    if (set.platforms().size() != 1) {
      throw new ParameterException(spec.commandLine(), "one --arch per bundle (got " + set.platforms() + ")");
    }
    String arch = set.arch.get(0);
    List<RepoConfig> repoConfigs = repoConfigs(); // refuses a --repo without --repo-key before any slow work
    PrintWriter err = spec.commandLine().getErr();
    Signer signer = signKey != null ? Signer.fromFile(signKey, passphrase.resolve()) : Signer.fromEnvironment(System.getenv());
    PullOptions images = PullOptions.of(set.images().stream().map(CatalogImage::ref).toList(), Path.of("unused"))
        .withPlatforms(set.platforms())
        .withSources(new Sources(set.mirrorRules(registry.mirrorRules()), registry.mirrorsOnly()))
        .withClient(registry.clientOptions())
        .withCache(registry.cacheDir());
    Path workDir = work != null ? work : output.toAbsolutePath().resolveSibling(".kubeferry-work");
    Path runtime = new RuntimeBuilder().build(RuntimeOptions.of(installer.jdk(), arch, workDir.resolve("runtimes")));
    String epoch = System.getenv("SOURCE_DATE_EPOCH"); // the reproducible-builds convention, else a fixed date
    PackOptions pack = new PackOptions(Compression.parse(compression),
        epoch == null || epoch.isBlank() ? PackOptions.DEFAULT_MTIME : java.time.Instant.ofEpochSecond(Long.parseLong(epoch.trim())),
        split == null ? 0 : PackOptions.parseSize(split));
    BuildResult r = new BundleBuild().run(new BundleBuildOptions(set.version().toString(), BaseOsProfile.load(os),
        arch.equals("arm64") ? "aarch64" : "x86_64", images, repoConfigs, repoKeyFiles(),
        rpms.isEmpty() ? KubernetesRpms.specs(set.version().toString()) : rpms,
        new RpmCache(workDir.resolve("rpms")), installer.templates(),
        new ContentSources.Installer(installer.launcher(), installer.jars(), runtime), locks, locked, signer, output,
        pack,
        workDir, d -> err.println("kubeferry: " + d)));
    PrintWriter out = spec.commandLine().getOut();
    out.println("bundle:      " + (r.files().size() == 1 ? r.tarball() : r.files().get(0) + " ... ("
        + r.files().size() + " parts)"));
    out.println("signature:   " + r.signature());
    out.println("size:        " + Sizes.human(r.size()) + " (" + r.size() + " bytes)");
    out.println("sha256:      " + r.sha256().hex());
    out.println("signed by:   " + r.fingerprint());
    out.println("contents:    " + r.manifest().images().size() + " images, " + r.manifest().rpms().size() + " RPMs, "
        + r.manifest().files().size() + " files");
    return 0;
  }

  /** Repository id → key file from {@code --repo-key}. */
  private Map<String, Path> repoKeyFiles() {
    Map<String, Path> files = new TreeMap<>();
    for (String k : repoKeys) {
      int eq = k.indexOf('=');
      if (eq <= 0 || eq == k.length() - 1) {
        throw new ParameterException(spec.commandLine(), "invalid --repo-key '" + k + "' (expected ID=KEYFILE)");
      }
      files.put(k.substring(0, eq), Path.of(k.substring(eq + 1)));
    }
    return files;
  }

  private List<RepoConfig> repoConfigs() throws Exception {
    List<RepoConfig> out = new ArrayList<>();
    for (int i = 0; i < repos.size(); i++) {
      String r = repos.get(i);
      int eq = r.indexOf('=');
      String id = eq > 0 && !r.substring(0, eq).contains("/") ? r.substring(0, eq) : "repo" + (i + 1);
      String location = id.equals("repo" + (i + 1)) && eq <= 0 ? r : r.substring(eq + 1);
      out.add(new RepoConfig(id, location, RepoConfig.DEFAULT_PRIORITY, null));
    }
    List<RepoConfig> keyed = new ArrayList<>();
    Map<String, Path> keys = repoKeyFiles();
    RepoKeys.forBundle(out, keys); // one clear line for a --repo without its key (gpgcheck is never off)
    for (RepoConfig c : out) {
      Path key = keys.get(c.id());
      keyed.add(new RepoConfig(c.id(), c.location(), c.priority(),
          OpenPgpRepomdVerifier.fromKey(Files.readAllBytes(key), key.toString())));
    }
    return keyed;
  }
}
