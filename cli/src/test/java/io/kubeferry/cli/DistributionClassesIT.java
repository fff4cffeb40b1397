package io.kubeferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The distribution's lib/ holds picocli exactly once, as Java 8+ class files (Java 17's class-data sharing does not
 * archive older ones, and a second copy would shadow the archived one), with its licence; and the class-data
 * archive the build trains really serves picocli and the CLI to the launcher's JVM.
 */
class DistributionClassesIT {
  private static final Path DIST = Path.of("target/kubeferry");

  @Test
  void picocliIsInLibOnceAsModernClassFilesWithItsLicence() throws IOException {
    Map<String, List<String>> jarsByClass = new TreeMap<>();
    List<String> old = new ArrayList<>();
    for (Path jar : jars()) {
      try (JarFile jf = new JarFile(jar.toFile())) {
        for (JarEntry e : jf.stream().toList()) {
          String name = e.getName().replaceFirst("^META-INF/versions/\\d+/", "");
          if (!name.startsWith("picocli/") || !name.endsWith(".class")) {
            continue;
          }
          jarsByClass.computeIfAbsent(name, k -> new ArrayList<>()).add(jar.getFileName().toString());
          int major = majorVersion(jf, e);
          if (major < 52) {
            old.add(jar.getFileName() + "!" + e.getName() + " (class version " + major + ")");
          }
        }
      }
    }
    assertTrue(jarsByClass.containsKey("picocli/CommandLine.class"), "no picocli in " + DIST.toAbsolutePath());
    assertEquals(List.of(), firstFew(old), old.size() + " picocli classes older than Java 8; CDS cannot archive them");
    List<String> twice = jarsByClass.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> e.getKey() + " in " + e.getValue()).toList();
    assertEquals(List.of(), firstFew(twice), twice.size() + " picocli classes in more than one jar of lib/ (a jar"
        + " left from an older build? lib/ is rebuilt by mvn package)");
    String home = jarsByClass.get("picocli/CommandLine.class").get(0);
    try (JarFile jf = new JarFile(DIST.resolve("lib").resolve(home).toFile())) {
      JarEntry licence = jf.getJarEntry("META-INF/licenses/picocli/LICENSE");
      assertTrue(licence != null, "no picocli LICENSE in " + home);
      try (InputStream in = jf.getInputStream(licence)) {
        assertTrue(new String(in.readAllBytes()).contains("Apache License"), "not the Apache licence");
      }
    }
  }

  @Test
  void launcherJvmLoadsPicocliAndTheCliFromTheArchive() throws Exception {
    Path jsa = DIST.resolve("kubeferry.jsa");
    assertTrue(Files.isRegularFile(jsa), "no class-data archive " + jsa.toAbsolutePath());
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-Xlog:class+load=info", "-cp", DIST.resolve("lib") + "/*", "io.kubeferry.cli.Main", "--help")
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    for (String cls : List.of("picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec",
        "io.kubeferry.cli.KubeferryCommand", "io.kubeferry.cli.rpm.RpmResolveCommand")) {
      String line = log.lines().filter(l -> l.contains("] " + cls + " source:")).findFirst().orElse("not loaded");
      assertTrue(line.contains("shared objects file"), cls + " not from the archive: " + line);
    }
  }

  private static List<String> firstFew(List<String> all) {
    return all.subList(0, Math.min(3, all.size()));
  }

  private static List<Path> jars() throws IOException {
    try (Stream<Path> s = Files.list(DIST.resolve("lib"))) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static int majorVersion(JarFile jf, JarEntry e) throws IOException {
    try (DataInputStream in = new DataInputStream(jf.getInputStream(e))) {
      in.readInt(); // 0xCAFEBABE
      in.readUnsignedShort(); // minor
      return in.readUnsignedShort();
    }
  }
}
