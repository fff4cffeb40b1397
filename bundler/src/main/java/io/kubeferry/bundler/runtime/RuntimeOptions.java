package io.kubeferry.bundler.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link RuntimeBuilder#build}.
 *
 * @param jdk the JDK whose jlink and modules make the runtime (a JDK for the bundle's arch)
 * @param arch the bundle's arch ({@code amd64} or {@code arm64})
 * @param modules modules to include
 * @param cacheDir where finished runtimes are kept, keyed by JDK, arch and modules (jlink takes ~10 s)
 * @param maxGlibc the oldest target's glibc; a runtime needing more is refused
 */
public record RuntimeOptions(Path jdk, String arch, List<String> modules, Path cacheDir,
    GlibcRequirement.GlibcVersion maxGlibc) {
  /** What kubeferry's jars need (jdeps --print-module-deps; RuntimeModulesIT checks) plus TLS, HTTP and charsets. */
  public static final List<String> DEFAULT_MODULES = List.of("java.base", "java.desktop", "java.logging",
      "java.management", "java.naming", "java.net.http", "java.security.jgss", "java.sql", "java.xml",
      "jdk.charsets", "jdk.crypto.ec", "jdk.net", "jdk.unsupported", "jdk.zipfs");

  public RuntimeOptions {
    Objects.requireNonNull(jdk, "jdk");
    Objects.requireNonNull(arch, "arch");
    modules = List.copyOf(modules);
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(maxGlibc, "maxGlibc");
  }

  public static RuntimeOptions of(Path jdk, String arch, Path cacheDir) {
    return new RuntimeOptions(jdk, arch, DEFAULT_MODULES, cacheDir, GlibcRequirement.EL7);
  }
}
