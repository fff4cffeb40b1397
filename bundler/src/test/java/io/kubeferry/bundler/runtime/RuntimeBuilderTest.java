package io.kubeferry.bundler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK on the build machine can make a runtime that starts on EL7 (glibc 2.17): measured, not assumed. */
class RuntimeBuilderTest {
  static final Path DEBIAN_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @TempDir static Path cache;

  /** The highest GLIBC_ version objdump -T reports for the JDK's ELF files, the reference for our byte scan. */
  static String objdumpMax(Path dir) throws Exception {
    Pattern v = Pattern.compile("GLIBC_(\\d+\\.\\d+)");
    String max = null;
    try (var s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".so")
          || p.getParent().getFileName().toString().equals("bin")).toList()) {
        Process p = new ProcessBuilder("objdump", "-T", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = v.matcher(out);
        while (m.find()) {
          if (max == null || Comparator.<String, Integer>comparing(x -> Integer.parseInt(x.split("\\.")[0]))
              .thenComparing(x -> Integer.parseInt(x.split("\\.")[1])).compare(m.group(1), max) > 0) {
            max = m.group(1);
          }
        }
      }
    }
    return max;
  }

  @Test
  void byteScanAgreesWithObjdump() throws Exception {
    for (Path jdk : new Path[] {DEBIAN_17, TEMURIN_25}) {
      assumeTrue(Files.isDirectory(jdk), jdk + " not installed");
      assertEquals(objdumpMax(jdk), GlibcRequirement.highest(jdk).orElseThrow().toString(), jdk.toString());
    }
  }

  @Test
  void temurinMakesAnEl7RuntimeAndTheCacheIsReused() throws Exception {
    assumeTrue(Files.isDirectory(TEMURIN_25), "Temurin 25 not installed");
    RuntimeBuilder b = new RuntimeBuilder();
    Path runtime = b.build(RuntimeOptions.of(TEMURIN_25, "amd64", cache));
    assertTrue(GlibcRequirement.highest(runtime).orElseThrow().compareTo(GlibcRequirement.EL7) <= 0);
    Process java = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-version").redirectErrorStream(true)
        .start();
    String version = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, java.waitFor());
    assertTrue(version.contains("Temurin"), version);
    long modified = Files.getLastModifiedTime(runtime.resolve("lib/modules")).toMillis();
    long start = System.nanoTime();
    assertEquals(runtime, b.build(RuntimeOptions.of(TEMURIN_25, "amd64", cache)));
    assertTrue(System.nanoTime() - start < 3_000_000_000L, "cached runtime should not be relinked");
    assertEquals(modified, Files.getLastModifiedTime(runtime.resolve("lib/modules")).toMillis());
  }

  @Test
  void debianJdkIsRefusedForEl7BeforeLinking() throws Exception {
    assumeTrue(Files.isDirectory(DEBIAN_17), "Debian OpenJDK 17 not installed");
    RuntimeBuildException e = assertThrows(RuntimeBuildException.class,
        () -> new RuntimeBuilder().build(RuntimeOptions.of(DEBIAN_17, "amd64", cache)));
    assertTrue(e.getMessage().contains("glibc 2.3") && e.getMessage().contains("2.17")
        && e.getMessage().contains("--jdk"), e.getMessage());
    try (var s = Files.list(cache)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("runtime")
          && !p.getFileName().toString().startsWith("runtime-amd64")), "no jlink output left for the refused JDK");
    }
  }

  @Test
  void arm64NeedsAnAarch64Jdk() {
    RuntimeBuildException e = assertThrows(RuntimeBuildException.class,
        () -> new RuntimeBuilder().build(RuntimeOptions.of(Path.of(System.getProperty("java.home")), "arm64", cache)));
    assertTrue(e.getMessage().contains("needs a JDK for aarch64 via --jdk DIR"), e.getMessage());
  }
}
