package io.kubeferry.bundler.runtime;

import io.kubeferry.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Makes the jlink'ed Java runtime shipped in {@code installer/runtime/}: checks the JDK matches the bundle's arch,
 * runs its jlink (cached by JDK release, arch and modules, since jlink takes ~10 s), and refuses a runtime whose
 * binaries need a newer glibc than the oldest target (EL7: 2.17). Debian's OpenJDK 17 needs 2.34, Temurin builds
 * need 2.17 (measured). Thread-safe if callers use distinct cache keys concurrently (rename is atomic).
 */
public final class RuntimeBuilder {
  private static final Map<String, String> JDK_ARCH = Map.of("amd64", "x86_64", "arm64", "aarch64");

  /** Returns a runtime directory for {@code o}, from the cache when already built. */
  public Path build(RuntimeOptions o) throws IOException, RuntimeBuildException, InterruptedException {
    String wanted = JDK_ARCH.get(o.arch());
    if (wanted == null) {
      throw new RuntimeBuildException("could not make a Java runtime: unknown arch '" + o.arch()
          + "' (expected amd64 or arm64)");
    }
    Properties release = release(o.jdk());
    String jdkArch = unquote(release.getProperty("OS_ARCH", "?"));
    if (!wanted.equals(jdkArch)) {
      throw new RuntimeBuildException("could not make a Java runtime for " + o.arch() + ": " + o.jdk() + " is a JDK for "
          + jdkArch + "; a bundle for " + o.arch() + " needs a JDK for " + wanted + " via --jdk DIR");
    }
    Path jlink = o.jdk().resolve("bin/jlink");
    if (!Files.isExecutable(jlink)) {
      throw new RuntimeBuildException("could not make a Java runtime: " + o.jdk() + " has no bin/jlink (pass a JDK,"
          + " not a JRE, via --jdk DIR)");
    }
    // Fail fast, before a slow jlink: the launcher and the VM are always part of the runtime.
    checkGlibc(o, GlibcRequirement.highest(List.of(o.jdk().resolve("bin/java"), o.jdk().resolve("lib/libjava.so"),
        o.jdk().resolve("lib/server/libjvm.so"))));
    String key = Digest.sha256Of((o.jdk().toRealPath() + "\n" + Files.readString(o.jdk().resolve("release")) + "\n"
        + o.arch() + "\n" + o.modules()).getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
    Path cached = o.cacheDir().resolve("runtime-" + o.arch() + "-" + key);
    if (!Files.isDirectory(cached)) {
      Files.createDirectories(o.cacheDir());
      Path tmp = o.cacheDir().resolve(".runtime-" + key + "-" + ProcessHandle.current().pid());
      jlink(jlink, o.modules(), tmp);
      try {
        Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
        deleteTree(tmp); // another build finished the same runtime first
      }
    }
    checkGlibc(o, GlibcRequirement.highest(cached));
    return cached;
  }

  private static void checkGlibc(RuntimeOptions o, java.util.Optional<GlibcRequirement.GlibcVersion> glibc)
      throws RuntimeBuildException {
    if (glibc.isPresent() && glibc.get().compareTo(o.maxGlibc()) > 0) {
      throw new RuntimeBuildException("could not use " + o.jdk() + " for the bundled runtime: its binaries need glibc "
          + glibc.get() + " but the oldest target (EL7) has " + o.maxGlibc() + "; pass --jdk with a JDK built for old"
          + " glibc, such as Eclipse Temurin");
    }
  }

  private static void jlink(Path jlink, List<String> modules, Path out) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(jlink.toString(), "--add-modules", String.join(",", modules),
        "--strip-debug", "--no-header-files", "--no-man-pages", "--output", out.toString()));
    Path log = Files.createTempFile("kubeferry-jlink", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("could not make a Java runtime: jlink failed: " + Files.readString(log).strip());
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Properties release(Path jdk) throws IOException, RuntimeBuildException {
    Path file = jdk.resolve("release");
    if (!Files.isRegularFile(file)) {
      throw new RuntimeBuildException("could not make a Java runtime: " + jdk + " is not a JDK (no release file)");
    }
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  private static String unquote(String s) {
    return s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
