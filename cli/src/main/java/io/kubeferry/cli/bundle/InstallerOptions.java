package io.kubeferry.cli.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * Where the installer part of a bundle comes from: this kubeferry's own jars and launcher (found next to the
 * running jar), the manifests/ templates, and the JDK whose jlink makes the bundled runtime.
 */
public final class InstallerOptions {
  @Option(names = "--jdk", paramLabel = "DIR",
      description = "JDK for the bundled runtime (default: $KUBEFERRY_RUNTIME_JDK, else the running Java). It must"
          + " match --arch and need glibc <= 2.17 (Temurin builds do; Debian's OpenJDK does not).")
  Path jdk;

  @Option(names = "--installer-lib", paramLabel = "DIR", description = "kubeferry jars (default: this kubeferry's lib/).")
  Path lib;

  @Option(names = "--templates", paramLabel = "DIR", description = "manifests/ templates (default: kubeferry's own).")
  Path templates;

  /**
   * The JDK whose jlink makes the bundled runtime: {@code --jdk}, {@code $KUBEFERRY_RUNTIME_JDK}, the config's
   * {@code runtimeJdk}, a Temurin JDK for the architecture under /usr/lib/jvm (built against an old glibc, so its
   * runtime starts on EL7), else the running Java.
   */
  Path jdk(Path configured, String arch) throws IOException {
    if (jdk != null) {
      return jdk;
    }
    String env = System.getenv("KUBEFERRY_RUNTIME_JDK");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    if (configured != null) {
      return configured;
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> s = Files.list(jvms)) {
        java.util.Optional<Path> temurin = s.filter(p -> p.getFileName().toString().matches("temurin-\\d+-jdk-" + arch))
            .filter(p -> Files.isExecutable(p.resolve("bin/jlink")))
            .sorted(java.util.Comparator.reverseOrder()).findFirst();
        if (temurin.isPresent()) {
          return temurin.get();
        }
      }
    }
    return Path.of(System.getProperty("java.home"));
  }

  Path lib() throws IOException {
    if (lib != null) {
      return lib;
    }
    try {
      Path jar = Path.of(InstallerOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(jar)) {
        return jar.getParent();
      }
    } catch (java.net.URISyntaxException e) {
      // fall through to the error below
    }
    throw new NoSuchFileException("kubeferry lib/", null, "not running from a kubeferry distribution: pass"
        + " --installer-lib DIR");
  }

  List<Path> jars() throws IOException {
    try (Stream<Path> s = Files.list(lib())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }

  /** The launcher script: next to lib/ in a bundle or distribution, or at the top of a source checkout. */
  Path launcher() throws IOException {
    return find("kubeferry", Files::isRegularFile);
  }

  Path templates() throws IOException {
    return templates != null ? templates : find("manifests", p -> Files.isDirectory(p.resolve("kubeadm")));
  }

  private Path find(String name, java.util.function.Predicate<Path> ok) throws IOException {
    for (Path dir = lib().toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      if (ok.test(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    throw new NoSuchFileException(name, null, "not found above " + lib() + " (run from a kubeferry distribution)");
  }
}
