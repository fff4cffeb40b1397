package io.kubeferry.cli.rpm;

import io.kubeferry.bundler.rpm.lock.RpmsLock;
import io.kubeferry.bundler.rpm.profile.BaseOsProfile;
import io.kubeferry.bundler.rpm.repo.HttpRepoClient;
import io.kubeferry.bundler.rpm.repo.MetadataCache;
import io.kubeferry.bundler.rpm.repo.RepoReader;
import io.kubeferry.bundler.rpm.repo.Repository;
import io.kubeferry.bundler.rpm.solve.Resolution;
import io.kubeferry.bundler.rpm.solve.ResolvedPackage;
import io.kubeferry.bundler.rpm.solve.SolveRequest;
import io.kubeferry.bundler.rpm.solve.Solver;
import io.kubeferry.bundler.rpm.solve.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code kubeferry rpm resolve}: prints the closure of the specs (NEVRA, repo, why), optionally locks it. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = {"Resolve the RPM dependency closure of SPECs the way dnf would install it on the target.",
        "Prints one line per package to bundle: NEVRA, repository, why it is needed."})
public final class RpmResolveCommand implements Callable<Integer> {
  @Mixin RepoOptions repos;

  @Option(names = "--profile", defaultValue = "none", paramLabel = "PROFILE",
      description = "Base OS of the target (none, el7, el8, el9, openeuler22.03, kylin-v10): packages a minimal"
          + " install has are not bundled. Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--arch", defaultValue = "x86_64", description = "x86_64 or aarch64. Default: ${DEFAULT-VALUE}.")
  String arch;

  @Option(names = "--multilib", description = "Allow 32-bit (i686) packages as candidates.")
  boolean multilib;

  @Option(names = "--full-closure", description = "Bundle every package of the closure, also those on the target.")
  boolean fullClosure;

  @ArgGroup(exclusive = true)
  LockMode lock;

  /** Either write the lock or verify against it. */
  static final class LockMode {
    @Option(names = "--write-lock", paramLabel = "FILE", description = "Record the closure in an rpms.lock.")
    Path write;

    @Option(names = "--locked", paramLabel = "FILE", description = "Fail if the closure drifted from the lock.")
    Path verify;
  }

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Cache directory shared with rebuilds (parsed repodata in DIR/repodata)."
          + " Default: $XDG_CACHE_HOME/kubeferry or ~/.cache/kubeferry.")
  Path cache;

  @Option(names = "--no-cache", description = "Parse the repository metadata again, ignoring the cache.")
  boolean noCache;

  @Option(names = "--k8s", paramLabel = "VERSION", description = "Kubernetes version the lock entry is for.")
  String k8s;

  @Parameters(arity = "1..*", paramLabel = "SPEC",
      description = "name, name-version[-release], name-[epoch:]version-release[.arch], or 'name = evr'.")
  List<String> specs = new ArrayList<>();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!arch.equals("x86_64") && !arch.equals("aarch64")) {
      throw new ParameterException(spec.commandLine(), "invalid --arch '" + arch + "' (x86_64 or aarch64)");
    }
    if (lock != null && k8s == null) {
      throw new ParameterException(spec.commandLine(), "--write-lock and --locked need --k8s VERSION");
    }
    BaseOsProfile os;
    try {
      os = BaseOsProfile.load(profile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Spec> parsed = specs.stream().map(Spec::new).toList();
    MetadataCache metadata = noCache ? null
        : cache == null ? MetadataCache.defaultCache() : new MetadataCache(cache.resolve("repodata"));
    Resolution r;
    try {
      List<Repository> read = new RepoReader(HttpRepoClient.defaults(), metadata)
          .readAll(repos.configs(spec.commandLine()));
      r = new Solver().solve(read, new SolveRequest(parsed, arch, multilib, os.packages(), fullClosure,
          os.richDeps()));
    } finally {
      if (metadata != null) {
        metadata.awaitWrites(); // a first run's cache files are written while it solves, also when it fails
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ResolvedPackage> bundle = r.toBundle();
    // One write, padded by hand: printf parses its format with a regex on every call and the writer flushes on
    // every println, both slow in a short-lived JVM.
    StringBuilder lines = new StringBuilder(bundle.size() * 128);
    for (ResolvedPackage p : bundle) {
      lines.append(pad(p.pkg().nevra().toString(), 60)).append(' ').append(pad(p.pkg().repoId(), 12)).append(' ')
          .append(p.why().get(0)).append(System.lineSeparator());
    }
    out.print(lines);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println(bundle.size() + " packages to bundle (" + (r.packages().size() - bundle.size())
        + " of the closure already on the target, profile " + os.id() + ")");
    if (lock != null) {
      Path file = lock.write != null ? lock.write : lock.verify;
      RpmsLock l = RpmsLock.read(file);
      if (lock.write != null) {
        l.set(os.id(), arch, k8s, RpmsLock.entriesOf(r));
        l.write(file);
        err.println("wrote " + file);
      } else {
        List<String> drift = l.verify(os.id(), arch, k8s, RpmsLock.entriesOf(r));
        if (!drift.isEmpty()) {
          for (String d : drift) {
            err.println("kubeferry: drift: " + d);
          }
          err.println("kubeferry: error: the RPM closure drifted from " + file + " (" + drift.size() + " packages)");
          return 1;
        }
        err.println("closure matches " + file);
      }
    }
    return 0;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
