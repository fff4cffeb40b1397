package io.kubeferry.cli.bundle;

import io.kubeferry.bundler.build.BundleBuild;
import io.kubeferry.bundler.build.BundleBuildOptions;
import io.kubeferry.bundler.build.BundleRecipe;
import io.kubeferry.bundler.build.RecipeRequest;
import io.kubeferry.bundler.build.Recipes;
import io.kubeferry.bundler.build.SourceRepo;
import io.kubeferry.bundler.build.UrlMap;
import io.kubeferry.core.pack.BuildResult;
import io.kubeferry.core.pack.Compression;
import io.kubeferry.core.pack.DeltaBase;
import io.kubeferry.core.pack.PackOptions;
import io.kubeferry.bundler.rpm.download.RpmCache;
import io.kubeferry.bundler.runtime.RuntimeBuilder;
import io.kubeferry.bundler.runtime.RuntimeOptions;
import io.kubeferry.cli.PassphraseMixin;
import io.kubeferry.cli.config.KubeferryHome;
import io.kubeferry.cli.config.UserConfig;
import io.kubeferry.cli.image.RegistryOptions;
import io.kubeferry.cli.image.StderrProgress;
import io.kubeferry.core.oci.Sources;
import io.kubeferry.core.sign.SignatureVerifier;
import io.kubeferry.core.sign.Signer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubeferry bundle build}: images + RPM closure + templates + installer → one signed tarball. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build a signed, reproducible air-gap bundle: the image set in an OCI layout, the pinned RPM",
        "closure in a signed yum repo, the templates, the operator's add-ons and images, and kubeferry itself with",
        "a Java runtime.",
        "With only --k8s it reads the default repositories for the version and OS (see --dry-run), signs with",
        "the key `kubeferry keygen` made and writes kubeferry-<k8s>-<os>-<arch>.tgz here.",
        "Prints progress on stderr and the bundle's path, size, sha256 and signing key on stdout."})
public final class BundleBuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ImageSetOptionsMixin set;
  @Mixin RegistryOptions registry;
  @Mixin InstallerOptions installer;
  @Mixin OperatorImagesOptions operator;

  @Option(names = "--os", defaultValue = "el7", description = "Target OS profile: el7, el8, el9, openeuler22.03,"
      + " kylin-v10 (default: ${DEFAULT-VALUE}).")
  String os;

  @Option(names = "--repo", paramLabel = "ID=URL|DIR",
      description = "A yum repository: replaces the default of the same id (kubernetes, docker-ce, base, ...) or is"
          + " added. Repeatable.")
  List<String> repos = new ArrayList<>();

  @Option(names = "--repo-key", paramLabel = "ID=KEYFILE",
      description = "The OpenPGP key of repository ID (its RPMs' signatures are checked against it and it ships in"
          + " the bundle for the installer's gpgcheck). Required for an added --repo.")
  List<String> repoKeys = new ArrayList<>();

  @Option(names = "--no-default-repos", description = "Read only the --repo repositories.")
  boolean noDefaultRepos;

  @Option(names = "--url-map", paramLabel = "FROM=TO",
      description = "Rewrite default repository URLs starting with FROM to start with TO (an internal mirror)."
          + " Repeatable; also read from the config file.")
  List<String> urlMaps = new ArrayList<>();

  @Option(names = "--rpm", paramLabel = "SPEC", description = "Additional package specs to carry (role 'extra').")
  List<String> rpms = new ArrayList<>();

  @Option(names = "--sign-key", paramLabel = "FILE",
      description = "Secret signing key (default: $" + Signer.KEY_ENV + ", the config's signingKey, else"
          + " signing-key.asc in the kubeferry home that `kubeferry keygen` writes).")
  Path signKey;

  @Mixin PassphraseMixin passphrase;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "x.tgz or x.tar.zst (default: kubeferry-<k8s>-<os>-<arch>.tgz here).")
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

  @Option(names = "--dry-run", description = "Print the repositories, package specs, images, templates and add-ons"
      + " the build would carry, and download nothing.")
  boolean dryRun;

  @Option(names = "--base", paramLabel = "BUNDLE",
      description = "Build a delta on this earlier bundle (signed with the same key): it lists everything but carries"
          + " only the files BUNDLE does not hold, and is installed together with BUNDLE.")
  Path base;

  @Override
  public Integer call() throws Exception {
    if (locked && locks == null) {
      throw new ParameterException(spec.commandLine(), "--locked needs --locks DIR");
    }
    if (set.platforms().size() != 1) {
      throw new ParameterException(spec.commandLine(), "one --arch per bundle (got " + set.platforms() + ")");
    }
    KubeferryHome home = KubeferryHome.current();
    UserConfig config = UserConfig.read(home.config());
    BundleRecipe recipe;
    try {
      recipe = Recipes.shipped().resolve(request(config));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.print(recipe.render());
      out.println("\ndry run: nothing was downloaded");
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    Signer signer = signer(home, config);
    DeltaBase deltaBase = base == null ? null : DeltaBase.read(base, SignatureVerifier.fromBytes(
        signer.publicKeyArmored().getBytes(StandardCharsets.US_ASCII), "the signing key"));
    Path target = output != null ? output : Path.of(String.format("kubeferry-%s-%s-%s.tgz", recipe.version(),
        recipe.os().id(), recipe.arch()));
    if (base != null && Files.exists(target) && Files.isSameFile(base, target)) {
      throw new ParameterException(spec.commandLine(), "--base " + base + " is the output too; a delta needs its"
          + " base kept, so write the delta elsewhere (-o)");
    }
    Path workDir = work != null ? work : target.toAbsolutePath().resolveSibling(".kubeferry-work");
    Path jdk = installer.jdk(config.runtimeJdk(), recipe.arch());
    Path runtime = new RuntimeBuilder().build(RuntimeOptions.of(jdk, recipe.arch(), workDir.resolve("runtimes")));
    String epoch = System.getenv("SOURCE_DATE_EPOCH"); // the reproducible-builds convention, else a fixed date
    PackOptions pack = new PackOptions(Compression.parse(compression),
        epoch == null || epoch.isBlank() ? PackOptions.DEFAULT_MTIME
            : java.time.Instant.ofEpochSecond(Long.parseLong(epoch.trim())),
        split == null ? 0 : PackOptions.parseSize(split));
    List<io.kubeferry.core.oci.MirrorRule> mirrors = new ArrayList<>(registry.mirrorRules());
    config.registryMirrors().forEach(m -> mirrors.add(io.kubeferry.core.oci.MirrorRule.parse(m)));
    BundleBuildOptions.Registries registries = new BundleBuildOptions.Registries(
        new Sources(set.mirrorRules(mirrors), registry.mirrorsOnly() || config.mirrorsOnly()),
        registry.clientOptions().withInsecureHosts(insecure(config)), registry.parallel);
    BuildResult r = new BundleBuild().run(new BundleBuildOptions(recipe, installer.templates(), registries,
        registry.cacheDir(), new RpmCache(workDir.resolve("rpms")),
        new io.kubeferry.core.pack.ContentSources.Installer(installer.launcher(), installer.jars(), runtime),
        locks, locked, signer, target, pack, workDir, d -> err.println("kubeferry: " + d),
        new StderrProgress(err), deltaBase));
    out.println("bundle:      " + (r.files().size() == 1 ? r.tarball() : r.files().get(0) + " ... ("
        + r.files().size() + " parts)"));
    out.println("signature:   " + r.signature());
    out.println("size:        " + Sizes.human(r.size()) + " (" + r.size() + " bytes)");
    out.println("sha256:      " + r.sha256().hex());
    out.println("signed by:   " + r.fingerprint());
    out.println("contents:    " + r.manifest().images().size() + " images, " + r.manifest().rpms().size() + " RPMs, "
        + r.manifest().addons().size() + " add-ons, " + r.manifest().files().size() + " files");
    if (r.manifest().delta()) {
      out.println("delta on:    " + r.manifest().base().name() + " (bundle.yaml " + r.manifest().base().manifest()
          + "); " + r.manifest().filesFromBase().size() + " files are left to it");
    }
    return 0;
  }

  private RecipeRequest request(UserConfig config) throws Exception {
    UrlMap map = new UrlMap(urlMaps.stream().map(UrlMap.Rule::parse).toList())
        .then(new UrlMap(config.urlMap().stream().map(UrlMap.Rule::parse).toList()));
    Map<String, String> keys = pairs(repoKeys, "--repo-key", "ID=KEYFILE");
    List<SourceRepo> explicit = new ArrayList<>();
    for (Map.Entry<String, String> r : pairs(repos, "--repo", "ID=URL|DIR").entrySet()) {
      String key = keys.remove(r.getKey());
      explicit.add(new SourceRepo(r.getKey(), r.getValue(), key == null ? List.of() : List.of(key), true, ""));
    }
    if (!keys.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--repo-key " + keys.keySet().iterator().next()
          + "=... names no --repo");
    }
    return new RecipeRequest(set.version(), os, set.arch.get(0), set.cni, set.lb, !set.noRegistry, set.mirror, map,
        explicit, !noDefaultRepos, rpms, installer.templates(), operator.addons, operator.requested());
  }

  private Map<String, String> pairs(List<String> values, String option, String form) {
    Map<String, String> out = new TreeMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new ParameterException(spec.commandLine(), "invalid " + option + " '" + v + "' (expected " + form + ")");
      }
      out.put(v.substring(0, eq), v.substring(eq + 1));
    }
    return out;
  }

  private java.util.Set<String> insecure(UserConfig config) {
    java.util.Set<String> hosts = new java.util.TreeSet<>(config.insecureRegistries());
    hosts.addAll(registry.insecureHosts());
    return hosts;
  }

  /** The signing key: --sign-key, $KUBEFERRY_SIGNING_KEY, the config's signingKey, or the home's default key. */
  private Signer signer(KubeferryHome home, UserConfig config) throws Exception {
    if (signKey != null) {
      return Signer.fromFile(signKey, passphrase.resolve());
    }
    String env = System.getenv(Signer.KEY_ENV);
    if (env != null && !env.isBlank()) {
      return Signer.fromEnvironment(System.getenv());
    }
    Path key = config.signingKey() != null ? config.signingKey() : home.signingKey();
    if (!Files.isRegularFile(key)) {
      throw new ParameterException(spec.commandLine(), "no signing key: " + key + " does not exist; run `kubeferry"
          + " keygen` (it writes " + home.signingKey() + ") or pass --sign-key FILE");
    }
    return Signer.fromFile(key, passphrase.resolve());
  }
}
